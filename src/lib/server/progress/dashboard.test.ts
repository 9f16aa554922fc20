import { beforeAll, describe, expect, it } from 'vitest';
import { enrol } from '../cohorts/enrolment';
import { getCourse } from '../content';
import { getDb } from '../db';
import {
	certificates,
	cohortModules,
	cohorts,
	moduleUnlocks,
	reviews,
	submissions,
	submissionVersions,
	users
} from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import { getLearnerDashboard } from './dashboard';
import { recordCompletion } from './index';
import { placeholderSnapshot } from '$test/stored-json';

const SEQ = 'probe-ikbo';
const OPEN = 'probe-digital';
const now = new Date('2026-03-10T10:00:00Z');
const learner = (id: string) => ({
	id,
	name: id,
	email: `${id}@example.org`,
	role: 'learner' as const
});
const learner1 = learner('learner1');
const learner2 = learner('learner2');

beforeAll(() => {
	useFreshDatabase();
	getDb()
		.insert(users)
		.values([
			{ id: 'learner1', email: 'l1@example.org', name: 'L1', passwordHash: 'x' },
			{ id: 'learner2', email: 'l2@example.org', name: 'L2', passwordHash: 'x' },
			{ id: 'trainer1', email: 't1@example.org', name: 'T1', passwordHash: 'x', role: 'trainer' }
		])
		.run();
	getDb()
		.insert(cohorts)
		.values({ id: 'cohort1', courseId: SEQ, name: 'Frühjahr 2026', createdBy: 'trainer1' })
		.run();
});

describe('getLearnerDashboard', () => {
	it('is empty for a learner without enrolments', () => {
		const dashboard = getLearnerDashboard(learner2, now);
		expect(dashboard).toMatchObject({
			courses: [],
			openAssignments: [],
			upcoming: [],
			feedback: [],
			certificates: []
		});
	});

	it('moves "continue" on as items are completed', () => {
		enrol('learner1', OPEN);
		const items = getCourse(OPEN)!.modules[0]!.items;
		const before = getLearnerDashboard(learner1, now).courses[0]!;
		expect(before.next).toEqual({
			title: items[0]!.title,
			type: 'lesson',
			url: `/kurse/${items[0]!.id}`
		});
		recordCompletion('learner1', items[0]!.id, 'lesson_marked');
		const after = getLearnerDashboard(learner1, now).courses[0]!;
		expect(after.next?.title).toBe(items[1]!.title);
		expect(after.done).toBe(1);
		expect(after.modules[0]).toMatchObject({ done: 1, total: items.length, complete: false });
	});

	it('lists open assignments with due dates, status, dates and feedback', () => {
		enrol('learner1', SEQ, 'cohort1');
		const course = getCourse(SEQ)!;
		const [m1, m2] = course.modules;
		getDb()
			.insert(cohortModules)
			.values([
				{ cohortId: 'cohort1', moduleId: m1!.id, startsOn: '2026-03-02', endsOn: '2026-03-03' },
				{ cohortId: 'cohort1', moduleId: m2!.id, startsOn: '2026-03-16', place: 'Raum 4' }
			])
			.run();
		const assignment = m1!.items.find((item) => item.type === 'assignment')!;
		getDb()
			.insert(submissions)
			.values({
				id: 'sub1',
				userId: 'learner1',
				courseId: SEQ,
				itemId: assignment.id,
				cohortId: 'cohort1',
				status: 'revision_requested',
				updatedAt: now
			})
			.run();
		getDb()
			.insert(submissionVersions)
			.values({ id: 'v1', submissionId: 'sub1', version: 1, text: 'x', submittedAt: now })
			.run();
		getDb()
			.insert(reviews)
			.values({
				id: 'r1',
				submissionId: 'sub1',
				versionId: 'v1',
				reviewerId: 'trainer1',
				decision: 'revision_requested',
				feedback: 'Bitte ergänzen Sie Ihre Beobachtungen.',
				ratings: []
			})
			.run();

		const dashboard = getLearnerDashboard(learner1, now);
		const open = dashboard.openAssignments.filter((entry) => entry.courseTitle === course.title);
		expect(open[0]).toMatchObject({
			title: assignment.title,
			status: 'revision_requested',
			dueOn: '2026-03-15', // the day before the next module starts
			overdue: false
		});
		const assignmentsInCourse = course.modules.flatMap((module) =>
			module.items.filter((item) => item.type === 'assignment')
		);
		expect(open).toHaveLength(assignmentsInCourse.length);
		expect(open[1]!.status).toBe('not_started');
		expect(dashboard.upcoming).toEqual([
			{
				cohortName: 'Frühjahr 2026',
				moduleTitle: m2!.title,
				startsOn: '2026-03-16',
				endsOn: null,
				place: 'Raum 4'
			}
		]);
		expect(dashboard.feedback).toMatchObject([
			{ title: assignment.title, decision: 'revision_requested', url: `/aufgaben/${assignment.id}` }
		]);
		const later = getLearnerDashboard(learner1, new Date('2026-03-20T10:00:00Z'));
		expect(later.openAssignments.find((e) => e.title === assignment.title)?.overdue).toBe(true);
	});

	it('skips an assignment waiting for review, but not into a locked module', () => {
		const [m1, m2] = getCourse(SEQ)!.modules;
		for (const item of m1!.items.filter((entry) => entry.type !== 'assignment')) {
			recordCompletion('learner1', item.id, item.type === 'quiz' ? 'quiz_passed' : 'lesson_marked');
		}
		getDb().update(submissions).set({ status: 'submitted' }).run();
		const waiting = getLearnerDashboard(learner1, now).courses.find((c) => c.id === SEQ)!;
		expect(waiting).toMatchObject({ next: null, isComplete: false });
		getDb()
			.insert(moduleUnlocks)
			.values({ id: 'unlock1', cohortId: 'cohort1', moduleId: m2!.id, unlockedBy: 'trainer1' })
			.run();
		const unlocked = getLearnerDashboard(learner1, now).courses.find((c) => c.id === SEQ)!;
		expect(unlocked.next?.title).toBe(m2!.items[0]!.title);
	});

	it('lists valid certificates with their PDF link', () => {
		getDb()
			.insert(certificates)
			.values({
				id: 'cert1',
				userId: 'learner1',
				courseId: OPEN,
				year: 2026,
				serial: 1,
				number: '2026-000001',
				code: 'ABCD-EFGH',
				snapshot: placeholderSnapshot(),
				signature: 'sig',
				issuedAt: now
			})
			.run();
		const [certificate] = getLearnerDashboard(learner1, now).certificates;
		expect(certificate).toMatchObject({
			number: '2026-000001',
			courseTitle: getCourse(OPEN)!.title,
			pdfUrl: '/zertifikate/cert1/pdf'
		});
		expect(getLearnerDashboard(learner2, now).certificates).toEqual([]);
	});
});
