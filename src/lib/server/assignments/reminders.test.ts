import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { cohortModules } from '../db/schema';
import { listNotifications } from '../notifications';
import { createDueReminders, dueDateFor } from './reminders';
import { saveDraft, submitDraft } from './submissions';
import { assignment, COURSE, ITEM_ID, twoCohorts } from '$test/unit/assignment-helpers';

let people: Awaited<ReturnType<typeof twoCohorts>>;
beforeEach(async () => {
	people = await twoCohorts();
	// Module 2 of cohort 1 starts on 10 June: module 1's assignment is due on 9 June.
	getDb()
		.insert(cohortModules)
		.values({
			cohortId: 'cohort1',
			moduleId: `${COURSE}/diskriminierung-und-machtkritik`,
			startsOn: '2026-06-10'
		})
		.run();
});

const at = (iso: string) => new Date(`${iso}T10:00:00+02:00`);

describe('due reminders', () => {
	it('knows the due date of a cohort learner and none for a learner without dates', () => {
		expect(dueDateFor(assignment(), 'cohort1')).toBe('2026-06-09');
		expect(dueDateFor(assignment(), 'cohort2')).toBeNull();
		expect(dueDateFor(assignment(), null)).toBeNull();
	});

	it('reminds once, three days before, and not learners of other cohorts', () => {
		expect(createDueReminders(at('2026-06-05'))).toBe(0);
		expect(createDueReminders(at('2026-06-06'))).toBe(1);
		expect(createDueReminders(at('2026-06-07'))).toBe(0);
		expect(createDueReminders(at('2026-06-06'), people.learnerA.id)).toBe(0);
		const [reminder] = listNotifications(people.learnerA.id, 1).rows;
		expect(reminder).toMatchObject({
			kind: 'assignment_due',
			data: { itemId: ITEM_ID, dueOn: '2026-06-09' },
			link: `/aufgaben/${ITEM_ID}`
		});
		expect(listNotifications(people.learnerB.id, 1).total).toBe(0);
	});

	it('does not remind once the work is submitted, nor after the due date', () => {
		saveDraft(people.learnerA.id, assignment(), 'cohort1', 'Fertig');
		submitDraft(people.learnerA.id, assignment(), 'cohort1');
		expect(createDueReminders(at('2026-06-08'))).toBe(0);
		expect(createDueReminders(at('2026-06-10'))).toBe(0);
	});
});
