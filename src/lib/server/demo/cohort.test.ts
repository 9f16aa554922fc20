import { describe, expect, it } from 'vitest';
import { canManageCohort, listManagedCohorts } from '../cohorts/access';
import { getCohort, listCohortLearners } from '../cohorts/cohorts';
import { useShippedContent } from '$test/unit/shipped-content';
import { useFreshDatabase } from '$test/unit/test-database';
import { demoAccounts, seedDemoData } from './seed';
import { listManagedEvents } from '../events';
import { alumniSpace, listThreads } from '../discussions';
import { listDirectory } from '../alumni';
import { listOffers } from '../mentoring';
import { listHospitationOffers } from '../hospitation';
import { useTemporaryKeyDir } from '$test/unit/certificates';
import { DEMO_COURSE_ID, seedDemoCohort } from './cohort';

describe('demo cohort', () => {
	it('is led by the demo trainer, includes the demo learner and meets two days every three weeks', async () => {
		useShippedContent();
		useFreshDatabase();
		useTemporaryKeyDir();
		expect(seedDemoCohort()).toBeNull();
		expect(await seedDemoData()).toBe(true);
		const admin = { ...demoAccounts[2]!, id: 'admin' };
		const cohort = getCohort(listManagedCohorts(admin)[0]!.id)!;
		expect(cohort.trainers.map((t) => t.email)).toEqual(['trainerin@example.org']);
		expect(listCohortLearners(cohort.id).map((l) => l.email)).toEqual(['lernende@example.org']);
		const starts = cohort.modules.map((module) => module.startsOn!);
		expect(new Date(`${starts[0]}T00:00:00Z`).getUTCDay()).toBe(1);
		expect(cohort.modules.every((module) => module.place === 'Berlin-Mitte')).toBe(true);
		for (const module of cohort.modules) {
			expect(module.endsOn).not.toBe(module.startsOn);
			expect(Date.parse(module.endsOn!) - Date.parse(module.startsOn!)).toBe(86_400_000);
		}
		expect(
			new Date(`${starts[1]}T00:00:00Z`).getTime() - new Date(`${starts[0]}T00:00:00Z`).getTime()
		).toBe(21 * 86_400_000);
		expect(canManageCohort({ ...demoAccounts[0]!, id: 'y' }, cohort.id)).toBe(false);
		// Its Austausch shows the trainer's pinned welcome above the learner's question.
		const threads = listThreads(cohort.id, cohort.trainers[0]!.id, {}, 1).rows;
		expect(threads.map((thread) => [thread.title, thread.pinned])).toEqual([
			['Willkommen im Austausch', true],
			['Wie erkläre ich meine Rolle beim ersten Termin?', false]
		]);
		// The trainer's Vertiefungstreffen is published, two days, in the future.
		const trainer = { ...demoAccounts[1]!, id: cohort.trainers[0]!.id };
		const [event] = listManagedEvents(trainer, 'upcoming').rows;
		expect(event).toMatchObject({ status: 'published', capacity: 30 });
		expect(event!.startsAt.getTime()).toBeGreaterThan(Date.now());
		// 9:00 on the first day to 16:00 on the next (31 hours, ±1 around a clock change).
		const hours = (event!.endsAt.getTime() - event!.startsAt.getTime()) / 3_600_000;
		expect([30, 31, 32]).toContain(hours);
		// The demo graduate shows in the course's alumni directory and started an alumni thread.
		expect(listDirectory(DEMO_COURSE_ID, {}, 1).rows.map((entry) => entry.name)).toEqual([
			'Selin Yıldız'
		]);
		expect(listThreads(alumniSpace(DEMO_COURSE_ID), 'admin', {}, 1).total).toBe(1);
		// The demo alumna offers mentoring, so the learner finds an offer on /mentoring.
		const learner = listCohortLearners(cohort.id)[0]!;
		expect(listOffers(learner.id).offers.map((offer) => offer.mentorName)).toEqual([
			'Selin Yıldız'
		]);
		expect(listHospitationOffers().map((offer) => offer.title)).toEqual([
			'Sozialberatung begleiten'
		]);
	});
});
