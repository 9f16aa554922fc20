import { beforeAll, describe, expect, it } from 'vitest';
import { enrol, getEnrolment } from '../cohorts/enrolment';
import { getDb } from '../db';
import { attendance, cohorts, completionEvents, moduleUnlocks, users } from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import {
	courseStanding,
	enrolmentProgress,
	getCohortAttendance,
	getCourseProgress,
	getModuleAccess,
	onCourseCompleted,
	recordCompletion,
	recordUncompletion
} from './index';

const OPEN = 'probe-digital';
const SEQ = 'probe-ikbo';
let n = 0;

function makeUser(role: 'learner' | 'trainer' = 'learner') {
	n += 1;
	const user = { id: `user${n}`, email: `u${n}@example.org`, name: `User ${n}`, role };
	getDb()
		.insert(users)
		.values({ ...user, passwordHash: 'x' })
		.run();
	return user;
}

const completed: [string, string][] = [];
beforeAll(() => {
	useFreshDatabase();
	onCourseCompleted((userId, courseId) => {
		completed.push([userId, courseId]);
	});
});

function allItems(courseId: string) {
	return getCourseProgress('nobody', courseId)!.modules.flatMap((m) => m.items.map((i) => i.item));
}

describe('recordCompletion and getCourseProgress', () => {
	it('records a completion once and derives progress from it', () => {
		const user = makeUser();
		const first = allItems(OPEN)[0]!;
		recordCompletion(user.id, first.id, 'lesson_marked');
		recordCompletion(user.id, first.id, 'lesson_marked');
		const rows = getDb().select().from(completionEvents).all();
		expect(rows.filter((row) => row.userId === user.id)).toHaveLength(1);
		const progress = getCourseProgress(user.id, OPEN)!;
		expect(progress.done).toBe(1);
		expect(progress.modules[0]!.items[0]!.complete).toBe(true);
	});

	it('undoes and re-completes, keeping every event', () => {
		const user = makeUser();
		const first = allItems(OPEN)[0]!;
		recordCompletion(user.id, first.id, 'lesson_marked');
		recordUncompletion(user.id, first.id, 'lesson_marked');
		recordUncompletion(user.id, first.id, 'lesson_marked');
		expect(getCourseProgress(user.id, OPEN)!.done).toBe(0);
		recordCompletion(user.id, first.id, 'lesson_marked');
		const rows = getDb().select().from(completionEvents).all();
		expect(rows.filter((row) => row.userId === user.id).map((row) => row.kind)).toEqual([
			'completed',
			'uncompleted',
			'completed'
		]);
		expect(getCourseProgress(user.id, OPEN)!.done).toBe(1);
	});

	it('does not record a submission as completion of a required assignment', () => {
		const user = makeUser();
		const assignment = allItems(SEQ).find((item) => item.type === 'assignment')!;
		recordCompletion(user.id, assignment.id, 'assignment_submitted');
		const rows = getDb().select().from(completionEvents).all();
		expect(rows.filter((row) => row.userId === user.id)).toHaveLength(0);
		recordCompletion(user.id, assignment.id, 'assignment_accepted');
		const item = getCourseProgress(user.id, SEQ)!
			.modules.flatMap((m) => m.items)
			.find((entry) => entry.item.id === assignment.id)!;
		expect(item.complete).toBe(true);
	});

	it('notifies listeners exactly once when the course turns complete', () => {
		const user = makeUser();
		const items = allItems(OPEN);
		for (const item of items) {
			recordCompletion(user.id, item.id, item.type === 'quiz' ? 'quiz_passed' : 'lesson_marked');
		}
		expect(completed.filter(([id]) => id === user.id)).toEqual([[user.id, OPEN]]);
		expect(getCourseProgress(user.id, OPEN)).toMatchObject({ isComplete: true, percent: 100 });
		recordUncompletion(user.id, items[0]!.id, 'lesson_marked');
		recordCompletion(user.id, items[0]!.id, 'lesson_marked');
		expect(completed.filter(([id]) => id === user.id)).toHaveLength(2);
	});

	it('keeps learners apart', () => {
		const a = makeUser();
		const b = makeUser();
		recordCompletion(a.id, allItems(OPEN)[0]!.id, 'lesson_marked');
		expect(getCourseProgress(b.id, OPEN)!.done).toBe(0);
	});

	it('returns undefined for an unknown course and throws for an unknown item', () => {
		expect(getCourseProgress('x', 'gibt-es-nicht')).toBeUndefined();
		expect(() => recordCompletion('x', 'a/b/c', 'lesson_marked')).toThrow();
	});
});

describe('getModuleAccess', () => {
	it('requires an enrolment and the previous module in a sequential course', () => {
		const learner = makeUser();
		const trainer = makeUser('trainer');
		const [m1, m2] = getCourseProgress(learner.id, SEQ)!.modules;
		expect(getModuleAccess(learner, SEQ, m1!.module.id)).toEqual({
			open: false,
			reason: 'not_enrolled'
		});
		expect(getModuleAccess(trainer, SEQ, m2!.module.id)).toEqual({ open: true });
		enrol(learner.id, SEQ);
		expect(getModuleAccess(learner, SEQ, m1!.module.id)).toEqual({ open: true });
		expect(getModuleAccess(learner, SEQ, m2!.module.id)).toMatchObject({
			open: false,
			reason: 'previous_incomplete'
		});
		for (const entry of m1!.items) {
			const source = entry.item.type === 'quiz' ? 'quiz_passed' : 'assignment_accepted';
			recordCompletion(learner.id, entry.item.id, source);
		}
		expect(getModuleAccess(learner, SEQ, m2!.module.id)).toEqual({ open: true });
	});

	it('opens a module a trainer unlocked for the cohort', () => {
		const learner = makeUser();
		const trainer = makeUser('trainer');
		getDb()
			.insert(cohorts)
			.values({ id: 'cohortunlock', courseId: SEQ, name: 'L', createdBy: trainer.id })
			.run();
		enrol(learner.id, SEQ, 'cohortunlock');
		const m2 = getCourseProgress(learner.id, SEQ)!.modules[1]!.module.id;
		getDb()
			.insert(moduleUnlocks)
			.values({ id: 'u1', cohortId: 'cohortunlock', moduleId: m2, unlockedBy: trainer.id })
			.run();
		expect(getModuleAccess(learner, SEQ, m2)).toEqual({ open: true });
	});
});

describe('getCohortAttendance', () => {
	it('derives attendance from the days recorded for the whole cohort', () => {
		const trainer = makeUser('trainer');
		const a = makeUser();
		const b = makeUser();
		getDb()
			.insert(cohorts)
			.values({ id: 'cohortattend', courseId: SEQ, name: 'A', createdBy: trainer.id })
			.run();
		const row = (userId: string, day: string, present: boolean) => ({
			cohortId: 'cohortattend',
			moduleId: `${SEQ}/rolle-und-auftrag`,
			userId,
			day,
			present,
			recordedBy: trainer.id,
			recordedAt: new Date(`${day}T17:00:00Z`)
		});
		getDb()
			.insert(attendance)
			.values([
				row(a.id, '2026-03-02', true),
				row(a.id, '2026-03-03', true),
				row(b.id, '2026-03-02', true),
				row(b.id, '2026-03-03', false)
			])
			.run();
		expect(getCohortAttendance('cohortattend', a.id)).toMatchObject({
			days: 2,
			present: 2,
			complete: true
		});
		expect(getCohortAttendance('cohortattend', b.id)).toMatchObject({
			present: 1,
			complete: false,
			missing: [{ day: '2026-03-03' }]
		});
	});
});

describe('courseStanding', () => {
	it('reads a cohort learner once: enrolment, progress with attendance, unlocked modules', () => {
		const trainer = makeUser('trainer');
		const learner = makeUser();
		getDb()
			.insert(cohorts)
			.values({ id: 'cohortstand', courseId: SEQ, name: 'S', createdBy: trainer.id })
			.run();
		enrol(learner.id, SEQ, 'cohortstand');
		const [m1, m2, m3] = getCourseProgress(learner.id, SEQ)!.modules.map((m) => m.module.id);
		getDb()
			.insert(attendance)
			.values({
				cohortId: 'cohortstand',
				moduleId: m1!,
				userId: learner.id,
				day: '2026-03-02',
				present: true,
				recordedBy: trainer.id,
				recordedAt: new Date('2026-03-02T17:00:00Z')
			})
			.run();
		getDb()
			.insert(moduleUnlocks)
			.values({ id: 'u-stand', cohortId: 'cohortstand', moduleId: m3!, unlockedBy: trainer.id })
			.run();

		const standing = courseStanding(learner, SEQ);
		expect(standing.enrolment).toEqual(getEnrolment(learner.id, SEQ));
		expect(standing.progress).toEqual(getCourseProgress(learner.id, SEQ));
		expect(standing.progress!.attendance).toMatchObject({ days: 1, present: 1 });
		expect(enrolmentProgress(standing.enrolment!)).toEqual(standing.progress);
		for (const moduleId of [m1!, m2!, m3!]) {
			expect(standing.accessTo(moduleId)).toEqual(getModuleAccess(learner, SEQ, moduleId));
		}
		expect([m1, m2, m3].map((id) => standing.accessTo(id!).open)).toEqual([true, false, true]);
	});

	it('opens everything to staff and nothing to learners who are not enrolled', () => {
		const trainer = makeUser('trainer');
		const stranger = makeUser();
		const [m1, m2] = getCourseProgress(stranger.id, SEQ)!.modules.map((m) => m.module.id);
		const staff = courseStanding(trainer, SEQ);
		expect([staff.enrolment, staff.progress]).toEqual([undefined, undefined]);
		expect(staff.accessTo(m2!)).toEqual({ open: true });
		const outside = courseStanding(stranger, SEQ);
		expect([outside.enrolment, outside.progress]).toEqual([undefined, undefined]);
		expect(outside.accessTo(m1!)).toEqual({ open: false, reason: 'not_enrolled' });
	});
});
