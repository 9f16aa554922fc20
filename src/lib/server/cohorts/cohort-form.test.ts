import { describe, expect, it } from 'vitest';
import { parseCohortForm } from './cohort-form';
import { addDays, isIsoDate, nextMonday } from './dates';

const modules = [{ id: 'kurs/m1' }, { id: 'kurs/m2' }, { id: 'kurs/m3' }];
const trainers = { allowed: new Set(['t1', 't2']), required: null };

function form(fields: Record<string, string>, trainerIds: string[] = ['t1']) {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	for (const id of trainerIds) data.append('trainer', id);
	return data;
}

describe('cohort dates', () => {
	it('accepts only real calendar dates', () => {
		expect(isIsoDate('2026-02-28')).toBe(true);
		expect(isIsoDate('2026-02-30')).toBe(false);
		expect(isIsoDate('28.02.2026')).toBe(false);
	});
	it('accepts only the years 2000 to 2099, where a typed year 0050 is a typo', () => {
		expect(isIsoDate('2000-01-01')).toBe(true);
		expect(isIsoDate('2099-12-31')).toBe(true);
		expect(isIsoDate('0000-01-03')).toBe(false);
		expect(isIsoDate('1999-12-31')).toBe(false);
		expect(isIsoDate('2100-01-01')).toBe(false);
	});
	it('finds the next Monday, a week ahead on a Monday', () => {
		expect(nextMonday('2026-11-23')).toBe('2026-11-30');
		expect(nextMonday('2026-11-25')).toBe('2026-11-30');
		expect(nextMonday('2026-11-29')).toBe('2026-11-30');
		expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
	});
});

describe('parseCohortForm', () => {
	it('turns a complete form into modules in course order, a single day ending on its start', () => {
		const result = parseCohortForm(
			form({
				name: '  IKBO \u202EFrühjahr\u202C  ',
				start_0: '2026-03-02',
				end_0: '2026-03-03',
				place_0: 'Berlin-\u2067Mitte\u2069',
				start_1: '2026-03-23',
				due_1: '2026-04-10',
				followUpDate: '2027-03-01'
			}),
			modules,
			{ trainers }
		);
		expect(result.success).toBe(true);
		if (!result.success) return;
		expect(result.data.name).toBe('IKBO Frühjahr');
		expect(result.data.trainerIds).toEqual(['t1']);
		expect(result.data.followUpDate).toBe('2027-03-01');
		expect(result.data.modules).toEqual([
			{
				moduleId: 'kurs/m1',
				startsOn: '2026-03-02',
				endsOn: '2026-03-03',
				place: 'Berlin-Mitte',
				assignmentDueOn: null
			},
			{
				moduleId: 'kurs/m2',
				startsOn: '2026-03-23',
				endsOn: '2026-03-23',
				place: null,
				assignmentDueOn: '2026-04-10'
			},
			{ moduleId: 'kurs/m3', startsOn: null, endsOn: null, place: null, assignmentDueOn: null }
		]);
	});

	it('rejects an end before the start, invalid dates and a missing name, in German', () => {
		const result = parseCohortForm(
			form({ name: '', start_0: '2026-03-05', end_0: '2026-03-02', start_1: '2026-13-01' }),
			modules,
			{ trainers }
		);
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(result.errors.name).toBe('Bitte geben Sie einen Namen für den Lehrgang ein.');
		expect(result.errors.end_0).toBe('Modul 1: Das Enddatum darf nicht vor dem Beginn liegen.');
		expect(result.errors.start_1).toContain('gültiges Datum');
		expect(result.values.name).toBe('');
		expect(result.values.start_0).toBe('2026-03-05');
	});

	it('requires modules in course order and the follow-up meeting after the last module', () => {
		const result = parseCohortForm(
			form({
				name: 'Lehrgang',
				start_0: '2026-03-02',
				end_0: '2026-03-04',
				start_1: '2026-03-04',
				start_2: '2026-04-01',
				followUpDate: '2026-03-30'
			}),
			modules,
			{ trainers }
		);
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(result.errors.start_1).toContain('Modul 2 muss nach Modul 1 beginnen');
		expect(result.errors.followUpDate).toContain('nach dem letzten Modul');
	});

	it('rejects an end without a start and implausibly long blocks', () => {
		const result = parseCohortForm(
			form({ name: 'L', end_0: '2026-03-02', start_1: '2026-03-02', end_1: '2026-04-30' }),
			modules,
			{ trainers }
		);
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(Object.keys(result.errors).sort()).toEqual(['end_1', 'start_0']);
	});

	it('requires at least one known trainer and always keeps the creating trainer', () => {
		const none = parseCohortForm(form({ name: 'L' }, []), modules, { trainers });
		expect(!none.success && none.errors.trainer).toContain('mindestens eine');
		const stranger = parseCohortForm(form({ name: 'L' }, ['x9']), modules, { trainers });
		expect(!stranger.success && stranger.errors.trainer).toBeTruthy();
		const creator = parseCohortForm(form({ name: 'L' }, ['t2']), modules, {
			trainers: { allowed: trainers.allowed, required: 't1' }
		});
		expect(creator.success && creator.data.trainerIds).toEqual(['t1', 't2']);
	});

	it('treats a repeated field as a tampered form', () => {
		const data = form({ name: 'L' });
		data.append('name', 'Zweiter');
		const result = parseCohortForm(data, modules, { trainers });
		expect(!result.success && result.errors.name).toContain('mehrfach');
	});
});
