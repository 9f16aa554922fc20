import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import { createUser } from '../auth/users';
import { getCatalogue, getCourse } from '../content';
import { useFreshDatabase } from '$test/unit/test-database';
import { listManagedCohortChoices } from './access';
import { recordAttendance } from './attendance';
import { cohortNameKey, needsPastConfirmation, type CohortModuleInput } from './cohort-form';
import { createCohort, getCohort, isCohortNameTaken, updateCohort } from './cohorts';

const COURSE = 'probe-ikbo';
const password = 'Fahrrad Kanal Brücke';

const schedule = (days: [string, string | null][]): CohortModuleInput[] =>
	getCourse(COURSE)!.modules.map((module, index) => ({
		moduleId: module.id,
		startsOn: days[index]?.[0] ?? null,
		endsOn: days[index]?.[1] ?? null,
		place: null,
		assignmentDueOn: null
	}));

describe('a cohort in the past', () => {
	const today = '2026-12-06';
	it('asks for confirmation when the last day lies before today (a year typo)', () => {
		const details = { followUpDate: null, modules: schedule([['2020-03-10', '2020-03-11']]) };
		expect(needsPastConfirmation(details, today)).toBe('2020-03-11');
	});
	it('counts the follow-up meeting as the last day, and today as not past', () => {
		const modules = schedule([['2020-03-10', null]]);
		expect(needsPastConfirmation({ followUpDate: '2027-03-01', modules }, today)).toBeNull();
		expect(needsPastConfirmation({ followUpDate: today, modules }, today)).toBeNull();
		expect(needsPastConfirmation({ followUpDate: null, modules: schedule([]) }, today)).toBeNull();
	});
	it('asks on an edit only when it moves the last day, not when a finished cohort is corrected', () => {
		const stored = { followUpDate: null, modules: schedule([['2025-03-10', null]]) };
		expect(needsPastConfirmation(stored, today, stored)).toBeNull();
		const moved = { followUpDate: null, modules: schedule([['2025-03-12', null]]) };
		expect(needsPastConfirmation(moved, today, stored)).toBe('2025-03-12');
		const future = { followUpDate: null, modules: schedule([['2027-03-10', null]]) };
		expect(needsPastConfirmation(moved, today, future)).toBe('2025-03-12');
	});
});

describe('cohort schedule changes and recorded attendance', () => {
	let trainerId: string;
	let learnerId: string;
	let cohortId: string;
	const moduleId = () => getCourse(COURSE)!.modules[0]!.id;

	beforeEach(async () => {
		useFreshDatabase();
		trainerId = (await createUser({ email: 't@example.org', name: 'T', password, role: 'trainer' }))
			.id;
		learnerId = (await createUser({ email: 'l@example.org', name: 'L', password, role: 'learner' }))
			.id;
		cohortId = createCohort(
			COURSE,
			{
				name: 'IKBO',
				trainerIds: [trainerId],
				followUpDate: '2027-12-01',
				modules: schedule([['2026-12-01', '2026-12-02']])
			},
			trainerId
		);
		recordAttendance({
			cohortId,
			moduleId: moduleId(),
			day: '2026-12-01',
			entries: [{ userId: learnerId, present: true }],
			recordedBy: trainerId
		});
	});

	it('refuses to move a module off a day with attendance, names the day and changes nothing', () => {
		const result = updateCohort(cohortId, {
			name: 'IKBO neu',
			followUpDate: null,
			modules: schedule([['2026-12-08', '2026-12-09']])
		});
		expect(result).toEqual({
			ok: false,
			orphaned: [{ moduleId: moduleId(), days: ['2026-12-01'] }]
		});
		const cohort = getCohort(cohortId)!;
		expect(cohort.name).toBe('IKBO');
		expect(cohort.followUpDate).toBe('2027-12-01');
		expect(cohort.modules[0]).toMatchObject({ startsOn: '2026-12-01', endsOn: '2026-12-02' });
	});
	it('refuses to shorten a module or clear its dates when a dropped day has attendance', () => {
		recordAttendance({
			cohortId,
			moduleId: moduleId(),
			day: '2026-12-02',
			entries: [{ userId: learnerId, present: false }],
			recordedBy: trainerId
		});
		const shortened = updateCohort(cohortId, {
			name: 'IKBO',
			followUpDate: null,
			modules: schedule([['2026-12-01', null]])
		});
		expect(shortened).toEqual({
			ok: false,
			orphaned: [{ moduleId: moduleId(), days: ['2026-12-02'] }]
		});
		const cleared = updateCohort(cohortId, {
			name: 'IKBO',
			followUpDate: null,
			modules: schedule([])
		});
		expect(cleared).toEqual({
			ok: false,
			orphaned: [{ moduleId: moduleId(), days: ['2026-12-01', '2026-12-02'] }]
		});
	});
	it('still saves changes that keep every recorded day: a longer block, other modules, follow-up', () => {
		const result = updateCohort(cohortId, {
			name: 'IKBO',
			followUpDate: null,
			modules: schedule([
				['2026-11-30', '2026-12-02'],
				['2027-01-11', null]
			])
		});
		expect(result).toEqual({ ok: true });
		expect(getCohort(cohortId)!.modules[0]).toMatchObject({ startsOn: '2026-11-30' });
		expect(getCohort(cohortId)!.followUpDate).toBeNull();
	});
});

describe('cohort names', () => {
	let trainer: SessionUser;

	beforeEach(async () => {
		useFreshDatabase();
		const user = await createUser({ email: 't@example.org', name: 'T', password, role: 'trainer' });
		trainer = { id: user.id, name: user.name, email: user.email, role: 'trainer' };
	});

	it('compare trimmed, with runs of spaces as one and without case', () => {
		expect(cohortNameKey('  IKBO  Frühjahr ')).toBe(cohortNameKey('ikbo frühjahr'));
		expect(cohortNameKey('IKBO FRÜHJAHR')).toBe(cohortNameKey('ikbo frühjahr'));
		expect(cohortNameKey('IKBO 2027')).not.toBe(cohortNameKey('IKBO 2028'));
	});
	it('are taken within a course only, and a cohort keeping its own name is fine', () => {
		const input = { trainerIds: [trainer.id], followUpDate: null, modules: [] };
		const id = createCohort(COURSE, { ...input, name: 'IKBO Frühjahr' }, trainer.id);
		expect(isCohortNameTaken(COURSE, ' ikbo FRÜHJAHR ')).toBe(true);
		expect(isCohortNameTaken(COURSE, 'IKBO Frühjahr', id)).toBe(false);
		expect(isCohortNameTaken(COURSE, 'IKBO Herbst')).toBe(false);
		const other = getCatalogue().find((course) => course.id !== COURSE)!.id;
		expect(isCohortNameTaken(other, 'IKBO Frühjahr')).toBe(false);
	});
	it('name their course in choices, so cohorts of two courses with one name differ', () => {
		const other = getCatalogue().find((course) => course.id !== COURSE)!;
		const input = { trainerIds: [trainer.id], followUpDate: null, modules: [], name: 'Frühjahr' };
		createCohort(COURSE, input, trainer.id);
		createCohort(other.id, input, trainer.id);
		const labels = listManagedCohortChoices(trainer).map((choice) => choice.label);
		expect(labels).toHaveLength(2);
		expect(new Set(labels).size).toBe(2);
		expect(labels).toContain(`Frühjahr – ${getCourse(COURSE)!.title}`);
		expect(labels).toContain(`Frühjahr – ${other.title}`);
	});
});
