import { beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { useFreshDatabase } from '$test/unit/test-database';
import {
	attendedAllDays,
	countPresentByDay,
	getAttendance,
	isRecordableDay,
	listCohortDays,
	listModuleDays,
	recordAttendance
} from './attendance';
import { createCohort } from './cohorts';

describe('recordable days', () => {
	it('are today and earlier, by the calendar in Berlin', () => {
		// 23:30 UTC on 1 March is already 2 March in Berlin.
		const lateEvening = new Date('2026-03-01T23:30:00Z');
		expect(isRecordableDay('2026-03-02', lateEvening)).toBe(true);
		expect(isRecordableDay('2026-02-27', lateEvening)).toBe(true);
		expect(isRecordableDay('2026-03-03', lateEvening)).toBe(false);
		expect(isRecordableDay('2027-03-02', lateEvening)).toBe(false);
	});
});

describe('module days', () => {
	it('lists every day of a range, across a month end', () => {
		expect(listModuleDays('2026-03-30', '2026-04-01')).toEqual([
			'2026-03-30',
			'2026-03-31',
			'2026-04-01'
		]);
	});
	it('is one day without an end and none without a start or for a reversed range', () => {
		expect(listModuleDays('2026-03-02', null)).toEqual(['2026-03-02']);
		expect(listModuleDays(null, '2026-03-02')).toEqual([]);
		expect(listModuleDays('2026-03-02', '2026-03-01')).toEqual([]);
	});
	it('lists a cohort’s days in module order', () => {
		const days = listCohortDays([
			{ moduleId: 'k/1', startsOn: '2026-03-02', endsOn: '2026-03-03' },
			{ moduleId: 'k/2', startsOn: null, endsOn: null },
			{ moduleId: 'k/3', startsOn: '2026-04-13', endsOn: '2026-04-13' }
		]);
		expect(days).toEqual([
			{ moduleId: 'k/1', day: '2026-03-02' },
			{ moduleId: 'k/1', day: '2026-03-03' },
			{ moduleId: 'k/3', day: '2026-04-13' }
		]);
	});
});

describe('recording attendance', () => {
	const password = 'Fahrrad Kanal Brücke';
	let trainerId: string;
	let cohortId: string;

	beforeEach(async () => {
		useFreshDatabase();
		trainerId = (await createUser({ email: 't@example.org', name: 'T', password, role: 'trainer' }))
			.id;
		cohortId = createCohort(
			'probe-ikbo',
			{ name: 'L', trainerIds: [trainerId], followUpDate: null, modules: [] },
			trainerId
		);
	});

	it('stores presence per learner and day, and a correction replaces the first record', async () => {
		const a = (await createUser({ email: 'a@example.org', name: 'A', password, role: 'learner' }))
			.id;
		const b = (await createUser({ email: 'b@example.org', name: 'B', password, role: 'learner' }))
			.id;
		const day = { cohortId, moduleId: 'k/1', day: '2026-03-02', recordedBy: trainerId };
		recordAttendance({
			...day,
			entries: [
				{ userId: a, present: true },
				{ userId: b, present: false }
			]
		});
		recordAttendance({ ...day, entries: [{ userId: b, present: true }] });
		expect(getAttendance(cohortId, 'k/1', '2026-03-02')).toEqual(
			new Map([
				[a, true],
				[b, true]
			])
		);
		expect(getAttendance(cohortId, 'k/1', '2026-03-03').size).toBe(0);
		expect(countPresentByDay(cohortId).get('k/1|2026-03-02')).toEqual({ present: 2, recorded: 2 });

		const days = [
			{ moduleId: 'k/1', day: '2026-03-02' },
			{ moduleId: 'k/1', day: '2026-03-03' }
		];
		expect(attendedAllDays(cohortId, a, days)).toBe(false);
		recordAttendance({ ...day, day: '2026-03-03', entries: [{ userId: a, present: true }] });
		expect(attendedAllDays(cohortId, a, days)).toBe(true);
	});
});
