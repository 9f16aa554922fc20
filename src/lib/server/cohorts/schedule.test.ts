import { describe, expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { useFreshDatabase } from '$test/unit/test-database';
import { createCohort } from './cohorts';
import { enrol } from './enrolment';
import { getLearnerCohort } from './schedule';

describe('getLearnerCohort', () => {
	it('finds the cohort of a cohort learner and nothing for self-paced learners', async () => {
		useFreshDatabase();
		const password = 'Fahrrad Kanal Brücke';
		const trainer = await createUser({
			email: 't@example.org',
			name: 'T',
			password,
			role: 'trainer'
		});
		const a = await createUser({ email: 'a@example.org', name: 'A', password, role: 'learner' });
		const b = await createUser({ email: 'b@example.org', name: 'B', password, role: 'learner' });
		const course = 'probe-ikbo';
		const id = createCohort(
			course,
			{ name: 'L', trainerIds: [trainer.id], followUpDate: null, modules: [] },
			trainer.id
		);
		enrol(a.id, course, id);
		enrol(b.id, course);
		expect(getLearnerCohort(a.id, course)?.id).toBe(id);
		expect(getLearnerCohort(b.id, course)).toBeUndefined();
	});
});
