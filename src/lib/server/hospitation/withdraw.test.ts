import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE, person, twoCohorts } from '$test/unit/assignment-helpers';
import type { SessionUser } from '../auth/session';
import { enrol } from '../cohorts/enrolment';
import { createSocialOfficeOffer } from '$test/unit/hospitation';
import {
	acceptApplication,
	applyForHospitation,
	listOpenApplications,
	listOwnApplications,
	withdrawApplication
} from '.';

let people: Awaited<ReturnType<typeof twoCohorts>>;
let other: SessionUser;
let offerId = '';

beforeAll(async () => {
	people = await twoCohorts();
	other = await person('andere@x.org', 'learner');
	enrol(other.id, COURSE, 'cohort1');
	offerId = createSocialOfficeOffer(people.admin);
});

describe('withdrawing a Hospitation application', () => {
	it('only the applicant withdraws, only while undecided; it leaves the deciders’ list', () => {
		const { learnerA, trainer1 } = people;
		applyForHospitation(learnerA, offerId, 'Ich möchte die Sozialberatung kennenlernen.');
		const [application] = listOwnApplications(learnerA.id);
		expect(application).toMatchObject({
			offerId,
			status: 'applied',
			motivation: 'Ich möchte die Sozialberatung kennenlernen.'
		});
		expect(withdrawApplication(other, application!.id)).toBe(false);
		expect(withdrawApplication(learnerA, application!.id)).toBe(true);
		expect(withdrawApplication(learnerA, application!.id)).toBe(false);
		expect(listOwnApplications(learnerA.id)).toMatchObject([{ status: 'withdrawn' }]);
		expect(listOpenApplications(trainer1)).toEqual([]);
		expect(acceptApplication(trainer1, application!.id)).toEqual({
			ok: false,
			reason: 'not_open'
		});
	});

	it('a withdrawn application can be sent again, with new motivation; a decided one cannot', () => {
		const { learnerA, trainer1 } = people;
		expect(applyForHospitation(learnerA, offerId, 'Jetzt passt es doch zeitlich.')).toEqual({
			ok: true
		});
		const [application] = listOwnApplications(learnerA.id);
		expect(application).toMatchObject({
			status: 'applied',
			motivation: 'Jetzt passt es doch zeitlich.'
		});
		expect(acceptApplication(trainer1, application!.id)).toEqual({ ok: true });
		expect(withdrawApplication(learnerA, application!.id)).toBe(false);
		expect(applyForHospitation(learnerA, offerId, 'Noch einmal, bitte.')).toEqual({
			ok: false,
			reason: 'applied_already'
		});
		expect(listOwnApplications(learnerA.id)).toHaveLength(1);
	});
});
