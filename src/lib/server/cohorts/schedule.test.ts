import { describe, expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { useFreshDatabase } from '../db/test-database';
import { createCohort } from './cohorts';
import { enrol } from './enrolment';
import { assignmentDueDate, getLearnerCohort, meetsAttendanceRequirement } from './schedule';

describe('assignmentDueDate', () => {
	const modules = [
		{ moduleId: 'k/1', startsOn: '2026-03-02', assignmentDueOn: null },
		{ moduleId: 'k/2', startsOn: null, assignmentDueOn: null },
		{ moduleId: 'k/3', startsOn: '2026-04-13', assignmentDueOn: '2026-05-01' },
		{ moduleId: 'k/4', startsOn: null, assignmentDueOn: null }
	];

	it('is the day before the next dated module unless the trainer set a date', () => {
		expect(assignmentDueDate(modules, 'k/1')).toBe('2026-04-12');
		expect(assignmentDueDate(modules, 'k/3')).toBe('2026-05-01');
	});
	it('is unknown for the last module without a date and for unknown modules', () => {
		expect(assignmentDueDate(modules, 'k/4')).toBeNull();
		expect(assignmentDueDate(modules, 'k/9')).toBeNull();
	});
});

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
		const course = 'interkulturelle-oeffnung';
		const id = createCohort(
			course,
			{ name: 'L', trainerIds: [trainer.id], followUpDate: null, modules: [] },
			trainer.id
		);
		enrol(a.id, course, id);
		enrol(b.id, course);
		expect(getLearnerCohort(a.id, course)?.id).toBe(id);
		expect(getLearnerCohort(b.id, course)).toBeUndefined();
		// The course does not require attendance, so missing records do not block completion.
		expect(meetsAttendanceRequirement(a.id, course)).toBe(true);
	});
});
