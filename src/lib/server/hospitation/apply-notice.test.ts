import { beforeAll, describe, expect, it } from 'vitest';
import { person, twoCohorts } from '$test/unit/assignment-helpers';
import { createSocialOfficeOffer } from '$test/unit/hospitation';
import { mailSubjectsTo, mentoringNotices } from '$test/unit/notices';
import { eq } from 'drizzle-orm';
import { getDb, schema } from '../db';
import { markRead } from '../notifications';
import { applyForHospitation, listOwnApplications, withdrawApplication } from '.';

let people: Awaited<ReturnType<typeof twoCohorts>>;
let offerId = '';

const applicationNotices = (userId: string) =>
	mentoringNotices(userId).filter((row) => row.data.mentoringEvent === 'hospitation_applied');

beforeAll(async () => {
	people = await twoCohorts();
	offerId = createSocialOfficeOffer(people.admin);
});

describe('a new Hospitation application', () => {
	it('is told to the trainers of the learner’s cohort, in-app and by mail, with the motivation', () => {
		const { learnerA, trainer1, trainer2, admin } = people;
		applyForHospitation(learnerA, offerId, 'Ich möchte die **Sozialberatung** kennenlernen.');
		const [application] = listOwnApplications(learnerA.id);
		expect(applicationNotices(trainer1.id)).toEqual([
			{
				data: {
					mentoringEvent: 'hospitation_applied',
					learnerName: learnerA.name,
					itemTitle: 'Sozialberatung begleiten – Sozialamt Wedding',
					excerpt: 'Ich möchte die Sozialberatung kennenlernen.'
				},
				link: `/hospitation/bewerbungen#bewerbung-${application!.id}`
			}
		]);
		expect(mailSubjectsTo(trainer1.id)).toContain(
			`${learnerA.name} hat sich für die Hospitation „Sozialberatung begleiten – Sozialamt Wedding“ beworben.`
		);
		// Those who do not decide it are not told: another cohort's trainer, the admins.
		expect(applicationNotices(trainer2.id)).toEqual([]);
		expect(applicationNotices(admin.id)).toEqual([]);
	});

	it('is told once; withdrawn, its unread notice goes; applying again is told again', () => {
		const { learnerA, trainer1 } = people;
		expect(applyForHospitation(learnerA, offerId, 'Noch einmal')).toMatchObject({ ok: false });
		expect(applicationNotices(trainer1.id)).toHaveLength(1);
		const [application] = listOwnApplications(learnerA.id);
		withdrawApplication(learnerA, application!.id);
		expect(applicationNotices(trainer1.id)).toEqual([]);
		applyForHospitation(learnerA, offerId, 'Jetzt passt es doch.', new Date(Date.now() + 1000));
		expect(applicationNotices(trainer1.id)).toMatchObject([
			{ data: { excerpt: 'Jetzt passt es doch.' } }
		]);
	});

	it('withdrawn after the decider read the notice, leaves that notice', () => {
		const { learnerA, trainer1 } = people;
		const [application] = listOwnApplications(learnerA.id);
		const [notice] = getDb()
			.select({ id: schema.notifications.id })
			.from(schema.notifications)
			.where(eq(schema.notifications.userId, trainer1.id))
			.all()
			.reverse();
		markRead(trainer1.id, notice!.id);
		withdrawApplication(learnerA, application!.id);
		expect(applicationNotices(trainer1.id)).toHaveLength(1);
	});

	it('of a learner no cohort trainer leads is told to the admins', async () => {
		const { admin, trainer1 } = people;
		const selfPaced = await person('selbst@x.org', 'learner');
		const trainersBefore = applicationNotices(trainer1.id).length;
		applyForHospitation(selfPaced, offerId, 'Ich lerne im eigenen Tempo.');
		expect(applicationNotices(admin.id)).toMatchObject([
			{ data: { learnerName: selfPaced.name, mentoringEvent: 'hospitation_applied' } }
		]);
		expect(applicationNotices(trainer1.id)).toHaveLength(trainersBefore);
	});
});
