import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import { createUser } from '../auth/users';
import { getCourse } from '../content';
import { useFreshDatabase } from '$test/unit/test-database';
import { getModuleAccess } from '../progress';
import { createCohort } from './cohorts';
import { enrol } from './enrolment';
import { listUnlocks, revokeUnlock, unlockModule } from './unlocks';

const COURSE = 'probe-ikbo';
const secondModule = () => getCourse(COURSE)!.modules[1]!.id;
const password = 'Fahrrad Kanal Brücke';

async function learner(email: string): Promise<SessionUser> {
	const user = await createUser({ email, name: email, password, role: 'learner' });
	return { id: user.id, name: user.name, email: user.email, role: 'learner' };
}

describe('early module unlocks', () => {
	let trainerId: string;
	let cohortId: string;
	let anna: SessionUser;
	let ben: SessionUser;

	beforeEach(async () => {
		useFreshDatabase();
		trainerId = (
			await createUser({ email: 't@example.org', name: 'Trainerin', password, role: 'trainer' })
		).id;
		cohortId = createCohort(
			COURSE,
			{ name: 'L', trainerIds: [trainerId], followUpDate: null, modules: [] },
			trainerId
		);
		anna = await learner('anna@example.org');
		ben = await learner('ben@example.org');
		enrol(anna.id, COURSE, cohortId);
		enrol(ben.id, COURSE, cohortId);
	});

	it('opens a locked module for one learner only', () => {
		expect(getModuleAccess(anna, COURSE, secondModule())).toMatchObject({
			open: false,
			reason: 'previous_incomplete'
		});
		unlockModule({ cohortId, moduleId: secondModule(), userId: anna.id, unlockedBy: trainerId });
		expect(getModuleAccess(anna, COURSE, secondModule())).toEqual({ open: true });
		expect(getModuleAccess(ben, COURSE, secondModule())).toMatchObject({ open: false });
	});

	it('opens a module for the whole cohort, once, and can take it back', () => {
		unlockModule({ cohortId, moduleId: secondModule(), userId: null, unlockedBy: trainerId });
		unlockModule({ cohortId, moduleId: secondModule(), userId: null, unlockedBy: trainerId });
		expect(getModuleAccess(ben, COURSE, secondModule())).toEqual({ open: true });
		const unlocks = listUnlocks(cohortId);
		expect(unlocks).toHaveLength(1);
		expect(unlocks[0]).toMatchObject({ userId: null, userName: null, unlockedByName: 'Trainerin' });
		expect(revokeUnlock('anderer-lehrgang', unlocks[0]!.id)).toBe(false);
		expect(revokeUnlock(cohortId, unlocks[0]!.id)).toBe(true);
		expect(getModuleAccess(ben, COURSE, secondModule())).toMatchObject({ open: false });
	});
});
