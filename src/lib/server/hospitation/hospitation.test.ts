import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignment, COURSE, person, twoCohorts } from '$test/unit/assignment-helpers';
import type { SessionUser } from '../auth/session';
import { findSubmission, linkHospitation, saveDraft } from '../assignments/submissions';
import { enrol } from '../cohorts/enrolment';
import { getDb, schema } from '../db';
import { eraseAccount } from '../privacy';
import {
	acceptApplication,
	acceptedHospitationsOf,
	applyForHospitation,
	createHospitationOffer,
	createOrganisation,
	declineApplication,
	hospitationOfferSchema,
	listHospitationOffers,
	listOpenApplications,
	listOwnApplications
} from '.';

let people: Awaited<ReturnType<typeof twoCohorts>>;
let learnerC: SessionUser;
let offerId = '';

const auditActions = () =>
	getDb()
		.select({ action: schema.auditLog.action })
		.from(schema.auditLog)
		.all()
		.map((row) => row.action);

beforeAll(async () => {
	people = await twoCohorts();
	learnerC = await person('c@x.org', 'learner');
	enrol(learnerC.id, COURSE, 'cohort1');
});

describe('Hospitation', () => {
	it('refuses an offer that ends before it starts', () => {
		const parsed = hospitationOfferSchema().safeParse({
			organisationId: 'x',
			title: 'Bürgeramt',
			description: 'Zehn Zeichen und mehr',
			places: '1',
			startsOn: '2026-07-05',
			endsOn: '2026-07-01'
		});
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]?.path).toEqual(['endsOn']);
	});

	it('admins enter organisations and offers (audited); an unknown organisation is refused', () => {
		const { admin } = people;
		const organisationId = createOrganisation(admin, {
			name: 'Bezirksamt Mitte',
			district: 'Mitte',
			address: 'Karl-Marx-Allee 31',
			contact: 'buergeramt@example.org'
		});
		const offer = {
			organisationId,
			title: 'Bürgeramt',
			description: 'Eine Woche im Bürgeramt',
			places: 1,
			startsOn: '2026-07-01',
			endsOn: '2026-07-05'
		};
		expect(createHospitationOffer(admin, { ...offer, organisationId: 'gibtesnicht' })).toEqual({
			ok: false,
			reason: 'unknown_organisation'
		});
		const created = createHospitationOffer(admin, offer);
		offerId = created.ok ? created.id : '';
		expect(listHospitationOffers()).toMatchObject([
			{ title: 'Bürgeramt', organisation: 'Bezirksamt Mitte', freePlaces: 1 }
		]);
		expect(auditActions()).toEqual(
			expect.arrayContaining(['hospitation.organisation_created', 'hospitation.offer_created'])
		);
	});

	it('learners apply once; the cohort’s trainer accepts within the places, others cannot', () => {
		const { learnerA, trainer1, trainer2 } = people;
		expect(
			applyForHospitation(learnerA, offerId, 'Ich möchte die Verwaltung kennenlernen.')
		).toEqual({ ok: true });
		expect(applyForHospitation(learnerA, offerId, 'Noch einmal')).toEqual({
			ok: false,
			reason: 'applied_already'
		});
		expect(applyForHospitation(trainer1, offerId, 'Als Trainerin')).toEqual({
			ok: false,
			reason: 'not_learner'
		});
		applyForHospitation(learnerC, offerId, 'Ich interessiere mich für das Bürgeramt.');
		expect(listOpenApplications(trainer2)).toEqual([]);
		const open = listOpenApplications(trainer1);
		expect(open).toHaveLength(2);
		const ofA = open.find((row) => row.userId === learnerA.id)!.id;
		const ofC = open.find((row) => row.userId === learnerC.id)!.id;
		expect(acceptApplication(trainer2, ofA)).toEqual({ ok: false, reason: 'not_found' });
		expect(acceptApplication(trainer1, ofA)).toEqual({ ok: true });
		expect(acceptApplication(trainer1, ofC)).toEqual({ ok: false, reason: 'full' });
		expect(declineApplication(trainer1, ofC, 'Alle Plätze vergeben')).toEqual({ ok: true });
		expect(listOwnApplications(learnerC.id)).toMatchObject([
			{ status: 'declined', declineReason: 'Alle Plätze vergeben' }
		]);
		expect(auditActions()).toEqual(
			expect.arrayContaining(['hospitation.accepted', 'hospitation.declined'])
		);
		expect(acceptedHospitationsOf(learnerA.id)).toEqual([
			{ id: ofA, label: 'Bürgeramt – Bezirksamt Mitte' }
		]);
		expect(acceptedHospitationsOf(learnerC.id)).toEqual([]);
	});

	it('a submission can name the learner’s Hospitation; deleting the learner removes both', async () => {
		const { learnerA, admin } = people;
		const [hospitation] = acceptedHospitationsOf(learnerA.id);
		saveDraft(learnerA.id, assignment(), 'cohort1', 'Mein Bericht');
		linkHospitation(learnerA.id, assignment().id, hospitation!.id);
		expect(findSubmission(learnerA.id, assignment().id)?.hospitationId).toBe(hospitation!.id);
		await eraseAccount(learnerA.id, { actorId: admin.id, trigger: 'admin', reason: 'Wunsch' });
		expect(
			getDb()
				.select()
				.from(schema.hospitationApplications)
				.where(eq(schema.hospitationApplications.id, hospitation!.id))
				.get()
		).toBeUndefined();
	});
});
