import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './dates';
import { assignmentDueOn } from './due-date';
import { berlinDay } from '$lib/berlin-day';

const modules = ['kurs/eins', 'kurs/zwei', 'kurs/drei'];
const dates = [
	{ moduleId: 'kurs/eins', startsOn: '2026-03-02', assignmentDueOn: null },
	{ moduleId: 'kurs/zwei', startsOn: '2026-04-13', assignmentDueOn: null },
	{ moduleId: 'kurs/drei', startsOn: '2026-05-04', assignmentDueOn: '2026-05-20' }
];

describe('assignment due date', () => {
	it('is the day before the next module starts for cohort learners', () => {
		expect(assignmentDueOn(modules, 'kurs/eins', dates)).toBe('2026-04-12');
		expect(assignmentDueOn(modules, 'kurs/zwei', dates)).toBe('2026-05-03');
	});

	it('uses the date the trainer set for the cohort when there is one', () => {
		expect(assignmentDueOn(modules, 'kurs/drei', dates)).toBe('2026-05-20');
		const override = dates.map((d) =>
			d.moduleId === 'kurs/eins' ? { ...d, assignmentDueOn: '2026-03-30' } : d
		);
		expect(assignmentDueOn(modules, 'kurs/eins', override)).toBe('2026-03-30');
	});

	it('has none for self-paced learners, the last module without a date, or undated modules', () => {
		expect(assignmentDueOn(modules, 'kurs/eins', null)).toBeNull();
		expect(assignmentDueOn(modules, 'kurs/drei', dates.slice(0, 2))).toBeNull();
		expect(assignmentDueOn(modules, 'kurs/eins', [])).toBeNull();
		expect(assignmentDueOn(modules, 'kurs/unbekannt', dates)).toBeNull();
	});

	it('crosses month and year boundaries', () => {
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
		expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
		expect(daysBetween('2026-03-05', '2026-03-02')).toBe(-3);
	});

	it('takes the calendar day in Berlin, not in UTC', () => {
		expect(berlinDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
		expect(berlinDay(new Date('2026-01-15T22:59:00Z'))).toBe('2026-01-15');
	});
});
