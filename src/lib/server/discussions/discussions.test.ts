import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE, ITEM_ID, person, twoCohorts } from '$test/unit/assignment-helpers';
import type { SessionUser } from '../auth/session';
import { removeLearner } from '../cohorts/cohorts';
import { enrol } from '../cohorts/enrolment';
import { getCourse } from '../content';
import { getDb, schema } from '../db';
import { eraseAccount } from '../privacy';
import { collectPersonalData } from '../privacy/export-data';
import {
	addReply,
	countOpenReports,
	createThread,
	discussableItem,
	discussionRoleOf,
	getPost,
	hidePost,
	isUnread,
	listOpenReports,
	listPosts,
	listThreads,
	markThreadSeen,
	moveThread,
	postView,
	reasonSchema,
	reportPost,
	resolveReport,
	sectionIn,
	setLocked,
	setPinned,
	showPost,
	threadSchema,
	trainerIdsOf,
	type Thread
} from '.';
import { getThread } from './threads';

const LESSON = `${COURSE}/rolle-und-auftrag/idee-und-rolle`;
/** A moment after the thread was started (posts in the same millisecond would tie). */
const later = () => new Date(Date.now() + 1000);

let people: Awaited<ReturnType<typeof twoCohorts>>;
let learnerC: SessionUser;

beforeAll(async () => {
	people = await twoCohorts();
	learnerC = await person('c@x.org', 'learner');
	enrol(learnerC.id, COURSE, 'cohort1');
});

const thread = (id: string): Thread => getThread('cohort1', id)!;
const start = (author: SessionUser, title = 'Wie beginne ich das Gespräch?') =>
	createThread(author, 'cohort1', { title, body: 'Erste **Frage**', moduleId: null, itemId: null });
const viewOf = (threadId: string, viewer: SessionUser) => {
	const role = discussionRoleOf(viewer, 'cohort1')!;
	return listPosts(threadId, 1).rows.map((post) =>
		postView(post, viewer.id, role, trainerIdsOf('cohort1'))
	);
};
const notificationsOf = (userId: string) =>
	getDb()
		.select()
		.from(schema.notifications)
		.where(
			and(
				eq(schema.notifications.userId, userId),
				eq(schema.notifications.kind, 'discussion_reply')
			)
		)
		.all();

describe('who takes part in a cohort’s Austausch', () => {
	it('lets the cohort’s learners in as members, its trainers and admins as moderators', () => {
		expect(discussionRoleOf(people.learnerA, 'cohort1')).toBe('member');
		expect(discussionRoleOf(people.trainer1, 'cohort1')).toBe('moderator');
		expect(discussionRoleOf(people.admin, 'cohort1')).toBe('moderator');
	});

	it('keeps out learners and trainers of another cohort, and unknown cohorts', () => {
		expect(discussionRoleOf(people.learnerB, 'cohort1')).toBeNull();
		expect(discussionRoleOf(people.trainer2, 'cohort1')).toBeNull();
		expect(discussionRoleOf(people.learnerA, 'gibt-es-nicht')).toBeNull();
		expect(discussionRoleOf(people.admin, 'gibt-es-nicht')).toBeNull();
	});

	it('finds another cohort’s thread as unknown', () => {
		const id = createThread(people.learnerB, 'cohort2', {
			title: 'Im anderen Lehrgang',
			body: 'Text',
			moduleId: null,
			itemId: null
		});
		expect(getThread('cohort2', id)).toBeDefined();
		expect(getThread('cohort1', id)).toBeUndefined();
	});

	it('revokes access at once when a learner is removed from the cohort', async () => {
		const leaving = await person('geht@x.org', 'learner');
		enrol(leaving.id, COURSE, 'cohort1');
		expect(discussionRoleOf(leaving, 'cohort1')).toBe('member');
		removeLearner('cohort1', leaving.id, people.trainer1.id);
		expect(discussionRoleOf(leaving, 'cohort1')).toBeNull();
	});
});

describe('threads and replies', () => {
	it('lists a new thread with its replies and an unread marker for the others', () => {
		const id = start(people.learnerA);
		expect(addReply(learnerC, id, 'Meine Antwort', later()).ok).toBe(true);
		const forA = listThreads('cohort1', people.learnerA.id, {}, 1).rows.find((t) => t.id === id)!;
		expect(forA.replies).toBe(1);
		expect(isUnread(forA)).toBe(true);
		const forC = listThreads('cohort1', learnerC.id, {}, 1).rows.find((t) => t.id === id)!;
		expect(isUnread(forC)).toBe(false);
		markThreadSeen(people.learnerA.id, id);
		const seen = listThreads('cohort1', people.learnerA.id, {}, 1).rows.find((t) => t.id === id)!;
		expect(isUnread(seen)).toBe(false);
	});

	it('renders posts through the submissions’ sanitiser', () => {
		const id = createThread(people.learnerA, 'cohort1', {
			title: 'Skript',
			body: '<script>alert(1)</script>\n\n[x](javascript:alert(1)) **fett**',
			moduleId: null,
			itemId: null
		});
		const [post] = viewOf(id, learnerC);
		expect(post!.html).toContain('<strong>fett</strong>');
		expect(post!.html).not.toContain('<script');
		expect(post!.html).not.toContain('javascript:');
	});

	it('notifies the starter and earlier repliers, not the one who replies', () => {
		const id = start(people.learnerA, 'Benachrichtigung');
		const before = notificationsOf(people.learnerA.id).length;
		addReply(learnerC, id, 'Erste Antwort');
		expect(notificationsOf(people.learnerA.id)).toHaveLength(before + 1);
		const beforeC = notificationsOf(learnerC.id).length;
		addReply(people.trainer1, id, 'Antwort der Trainerin');
		expect(notificationsOf(people.learnerA.id)).toHaveLength(before + 2);
		expect(notificationsOf(learnerC.id)).toHaveLength(beforeC + 1);
		expect(notificationsOf(people.trainer1.id).filter((n) => n.link.includes(id))).toEqual([]);
		const latest = notificationsOf(people.learnerA.id).at(-1)!;
		expect(latest.link).toMatch(new RegExp(`^/austausch/cohort1/${id}#beitrag-`));
		expect(latest.data).toMatchObject({ itemTitle: 'Benachrichtigung', learnerName: 't1' });
	});

	it('filters by section and by lesson', () => {
		const moduleId = `${COURSE}/rolle-und-auftrag`;
		const id = createThread(people.learnerA, 'cohort1', {
			title: 'Zur Lektion',
			body: 'Frage',
			moduleId,
			itemId: LESSON
		});
		const ids = (filter: Parameters<typeof listThreads>[2]) =>
			listThreads('cohort1', people.learnerA.id, filter, 1).rows.map((t) => t.id);
		expect(ids({ itemId: LESSON })).toEqual([id]);
		expect(ids({ moduleId })).toContain(id);
		expect(ids({ moduleId: null })).not.toContain(id);
	});

	it('accepts only sections and items of the cohort’s course', () => {
		const other = getCourse('probe-verwaltung')!;
		expect(sectionIn(COURSE, '')).toBeNull();
		expect(sectionIn(COURSE, `${COURSE}/rolle-und-auftrag`)).toBe(`${COURSE}/rolle-und-auftrag`);
		expect(sectionIn(COURSE, other.modules[0]!.id)).toBeUndefined();
		expect(sectionIn(COURSE, 'unsinn')).toBeUndefined();
		expect(discussableItem(COURSE, ITEM_ID)?.id).toBe(ITEM_ID);
		expect(discussableItem(COURSE, other.modules[0]!.items[0]!.id)).toBeUndefined();
	});
});

describe('moderation', () => {
	it('pins a thread to the top of the list', () => {
		const old = start(people.learnerA, 'Alt');
		start(people.learnerA, 'Neu');
		setPinned(people.trainer1, thread(old), true);
		expect(listThreads('cohort1', people.learnerA.id, {}, 1).rows[0]!.id).toBe(old);
	});

	it('a locked thread refuses replies until it is unlocked', () => {
		const id = start(people.learnerA, 'Gesperrt');
		setLocked(people.trainer1, thread(id), true);
		expect(addReply(learnerC, id, 'Noch eine')).toEqual({ ok: false, reason: 'locked' });
		expect(addReply(people.trainer1, id, 'Auch ich nicht')).toEqual({
			ok: false,
			reason: 'locked'
		});
		setLocked(people.trainer1, thread(id), false);
		expect(addReply(learnerC, id, 'Jetzt geht es').ok).toBe(true);
	});

	it('a hidden post shows its text and reason to its author and trainers only', () => {
		const id = start(people.learnerA, 'Ausblenden');
		const reply = addReply(learnerC, id, 'Unpassender Text');
		if (!reply.ok) throw new Error('reply failed');
		hidePost(people.trainer1, thread(id), getPost(id, reply.postId)!, 'Bitte sachlich bleiben');
		const find = (viewer: SessionUser) => viewOf(id, viewer).find((p) => p.id === reply.postId)!;
		expect(find(learnerC)).toMatchObject({ hidden: true, hiddenReason: 'Bitte sachlich bleiben' });
		expect(find(learnerC).html).toContain('Unpassender Text');
		expect(find(people.learnerA)).toMatchObject({ hidden: true, hiddenReason: null, html: null });
		expect(find(people.trainer1).html).toContain('Unpassender Text');
		showPost(people.trainer1, thread(id), getPost(id, reply.postId)!);
		expect(find(people.learnerA).html).toContain('Unpassender Text');
	});

	it('moves a thread; a lesson link outside the new section goes', () => {
		const id = createThread(people.learnerA, 'cohort1', {
			title: 'Verschieben',
			body: 'Text',
			moduleId: `${COURSE}/rolle-und-auftrag`,
			itemId: LESSON
		});
		moveThread(people.trainer1, thread(id), null, false);
		expect(thread(id)).toMatchObject({ moduleId: null, itemId: null });
	});

	it('reports: once per person, not one’s own, settled by hiding or by a trainer', () => {
		const id = start(people.learnerA, 'Melden');
		const reply = addReply(learnerC, id, 'Werbung');
		if (!reply.ok) throw new Error('reply failed');
		const post = getPost(id, reply.postId)!;
		const open = countOpenReports('cohort1');
		expect(reportPost(learnerC, thread(id), post, 'Eigener')).toEqual({ ok: false, reason: 'own' });
		expect(reportPost(people.learnerA, thread(id), post, 'Werbung')).toEqual({ ok: true });
		expect(reportPost(people.learnerA, thread(id), post, 'Nochmal')).toEqual({
			ok: false,
			reason: 'already'
		});
		expect(countOpenReports('cohort1')).toBe(open + 1);
		expect(countOpenReports('cohort2')).toBe(0);
		const report = listOpenReports('cohort1').rows.find((r) => r.postId === post.id)!;
		expect(report).toMatchObject({ reason: 'Werbung', reporterName: 'a' });
		expect(resolveReport(people.trainer2, 'cohort2', report.id)).toBe(false);
		expect(resolveReport(people.trainer1, 'cohort1', report.id)).toBe(true);
		expect(countOpenReports('cohort1')).toBe(open);
	});

	it('pages the open reports, 50 at a time, beyond the old limit of 200', () => {
		const id = start(people.trainer1, 'Viele Meldungen');
		const base = Date.now() + 10_000;
		for (let n = 1; n <= 201; n++) {
			const reply = addReply(people.trainer1, id, `Antwort ${n}`, new Date(base + n));
			if (!reply.ok) throw new Error('reply failed');
			reportPost(
				people.learnerA,
				thread(id),
				{ id: reply.postId, authorId: people.trainer1.id },
				'Zu viel'
			);
		}
		const open = countOpenReports('cohort1');
		expect(open).toBeGreaterThanOrEqual(201);
		const last = listOpenReports('cohort1', 99);
		expect(last.pages).toBe(Math.ceil(open / 50));
		expect(last.page).toBe(last.pages);
		expect(last.total).toBe(open);
		expect(last.rows.length).toBe(open - (last.pages - 1) * 50);
		expect(listOpenReports('cohort1', 1).rows).toHaveLength(50);
	});

	it('writes every moderation step and report to the audit log', () => {
		const actions = getDb()
			.select({ action: schema.auditLog.action, actorId: schema.auditLog.actorId })
			.from(schema.auditLog)
			.all();
		for (const action of [
			'discussion.pinned',
			'discussion.locked',
			'discussion.unlocked',
			'discussion.moved',
			'discussion.post_hidden',
			'discussion.post_shown',
			'discussion.report_resolved'
		]) {
			expect(actions, action).toContainEqual({ action, actorId: people.trainer1.id });
		}
		expect(actions).toContainEqual({
			action: 'discussion.reported',
			actorId: people.learnerA.id
		});
	});
});

describe('bad input', () => {
	const errorsOf = (schema: ReturnType<typeof threadSchema | typeof reasonSchema>, v: object) => {
		const result = schema.safeParse(v);
		return result.success ? [] : result.error.issues.map((issue) => issue.path[0]);
	};
	it('refuses an empty or too long title and body, and a missing reason', () => {
		expect(errorsOf(threadSchema(), { title: ' ', body: '' })).toEqual(['title', 'body']);
		expect(errorsOf(threadSchema(), { title: 'x'.repeat(151), body: 'y'.repeat(20_001) })).toEqual([
			'title',
			'body'
		]);
		expect(errorsOf(threadSchema(), {})).toEqual(['title', 'body']);
		expect(errorsOf(reasonSchema(), { postId: 'p', reason: ' a ' })).toEqual(['reason']);
		expect(errorsOf(reasonSchema(), { postId: 'p', reason: 'z'.repeat(501) })).toEqual(['reason']);
	});
});

describe('deleting an account', () => {
	it('keeps the posts under "ehemalige*r Teilnehmende*r" and exports them before', async () => {
		const leaving = await person('weg@x.org', 'learner');
		enrol(leaving.id, COURSE, 'cohort1');
		const id = createThread(leaving, 'cohort1', {
			title: 'Meine letzte Frage',
			body: 'Beitrag vor der Löschung',
			moduleId: null,
			itemId: null
		});
		addReply(learnerC, id, 'Antwort darauf', later());
		const exported = collectPersonalData(leaving.id)!.json['austausch.json'] as {
			posts: { body: string }[];
		};
		expect(exported.posts.map((post) => post.body)).toEqual(['Beitrag vor der Löschung']);
		const erased = await eraseAccount(leaving.id, {
			actorId: people.admin.id,
			trigger: 'admin',
			reason: 'Antrag'
		});
		expect(erased.ok).toBe(true);
		const [opening, reply] = viewOf(id, learnerC);
		expect(opening!.authorName).toBe('ehemalige*r Teilnehmende*r');
		expect(opening!.html).toContain('Beitrag vor der Löschung');
		expect(reply!.authorName).toBe('c');
		const listed = listThreads('cohort1', learnerC.id, {}, 1).rows.find((t) => t.id === id)!;
		expect(listed.authorErased).toBe(true);
	});
});
