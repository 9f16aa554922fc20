import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE, person, twoCohorts } from '$test/unit/assignment-helpers';
import type { SessionUser } from '../auth/session';
import { enrol } from '../cohorts/enrolment';
import { getDb, schema } from '../db';
import {
	addReply,
	createThread,
	deletePost,
	discussionRoleOf,
	editPost,
	hidePost,
	listPosts,
	postView,
	reportPost,
	searchThreads,
	setLocked,
	trainerIdsOf
} from '.';
import { markRead } from '../notifications';
import { getThread } from './threads';

let people: Awaited<ReturnType<typeof twoCohorts>>;
let learnerC: SessionUser;
let clock = Date.now();
/** Each post a moment after the one before (posts in the same millisecond would tie). */
const tick = () => new Date((clock += 1000));

beforeAll(async () => {
	people = await twoCohorts();
	learnerC = await person('c@x.org', 'learner');
	enrol(learnerC.id, COURSE, 'cohort1');
});

const thread = (id: string) => getThread('cohort1', id)!;
const start = (author: SessionUser, body = 'Erste Frage') =>
	createThread(
		author,
		'cohort1',
		{ title: 'Wie beginne ich?', body, moduleId: null, itemId: null },
		tick()
	);
const postsOf = (threadId: string) => listPosts(threadId, 1).rows;
const viewsFor = (threadId: string, viewer: SessionUser) => {
	const role = discussionRoleOf(viewer, 'cohort1')!;
	const locked = thread(threadId).lockedAt !== null;
	return postsOf(threadId).map((post) =>
		postView(post, viewer.id, role, trainerIdsOf('cohort1'), locked)
	);
};
const auditOf = (postId: string) =>
	getDb()
		.select()
		.from(schema.auditLog)
		.where(eq(schema.auditLog.objectId, postId))
		.all()
		.map((row) => row.action);

describe('the author edits a post', () => {
	it('changes the text and shows it as edited, to the author and to others', () => {
		const id = start(people.learnerA);
		const [post] = postsOf(id);
		const at = tick();
		expect(editPost(people.learnerA, thread(id), post!.id, 'Neue **Frage**', at)).toEqual({
			ok: true
		});
		const [seen] = viewsFor(id, learnerC);
		expect(seen!.html).toContain('<strong>Frage</strong>');
		expect(seen!.editedAt).toEqual(at);
		expect(seen!.canEdit).toBe(false);
		expect(viewsFor(id, people.learnerA)[0]!.canEdit).toBe(true);
		expect(auditOf(post!.id)).toEqual([]);
	});

	it('refuses others, moderators included, and leaves the text as it was', () => {
		const id = start(people.learnerA, 'Original');
		const [post] = postsOf(id);
		expect(editPost(people.trainer1, thread(id), post!.id, 'Umgeschrieben')).toEqual({
			ok: false,
			reason: 'not_author'
		});
		expect(editPost(learnerC, thread(id), post!.id, 'Umgeschrieben')).toEqual({
			ok: false,
			reason: 'not_author'
		});
		expect(viewsFor(id, people.trainer1)[0]).toMatchObject({ canEdit: false, canDelete: false });
		expect(postsOf(id)[0]!.body).toBe('Original');
	});

	it('refuses a post of another thread as unknown', () => {
		const mine = start(people.learnerA);
		const other = start(people.learnerA);
		const [post] = postsOf(other);
		expect(editPost(people.learnerA, thread(mine), post!.id, 'X')).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});

	it('refuses changes in a locked thread, but still lets the author delete', () => {
		const id = start(people.learnerA);
		addReply(learnerC, id, 'Antwort', tick());
		setLocked(people.trainer1, thread(id), true);
		const reply = postsOf(id)[1]!;
		expect(editPost(learnerC, thread(id), reply.id, 'Neu')).toEqual({
			ok: false,
			reason: 'locked'
		});
		expect(viewsFor(id, learnerC)[1]).toMatchObject({ canEdit: false, canDelete: true });
		expect(deletePost(learnerC, thread(id), reply.id)).toEqual({
			ok: true,
			outcome: 'removed',
			files: []
		});
	});

	it('audits editing a post that is reported or hidden', () => {
		const id = start(people.learnerA, 'Werbung');
		const [post] = postsOf(id);
		reportPost(learnerC, thread(id), post!, 'Werbung');
		editPost(people.learnerA, thread(id), post!.id, 'Ohne Werbung');
		expect(auditOf(post!.id)).toContain('discussion.post_edited');
	});
});

describe('the author deletes a post', () => {
	it('removes an unanswered reply and moves the thread’s last activity back', () => {
		const id = start(people.learnerA);
		const opened = thread(id).lastPostAt;
		addReply(learnerC, id, 'Nachtrag', tick());
		const reply = postsOf(id)[1]!;
		expect(deletePost(learnerC, thread(id), reply.id)).toEqual({
			ok: true,
			outcome: 'removed',
			files: []
		});
		expect(postsOf(id)).toHaveLength(1);
		expect(thread(id).lastPostAt).toEqual(opened);
	});

	it('leaves a "Beitrag gelöscht" placeholder without the text when others answered', () => {
		const id = start(people.learnerA, 'Geheimes Detail');
		addReply(learnerC, id, 'Antwort', tick());
		const [first] = postsOf(id);
		expect(deletePost(people.learnerA, thread(id), first!.id)).toEqual({
			ok: true,
			outcome: 'placeholder',
			files: []
		});
		expect(postsOf(id)[0]!.body).toBe('');
		const [seen] = viewsFor(id, learnerC);
		expect(seen).toMatchObject({ deleted: true, html: null, canReport: false });
		const [own] = viewsFor(id, people.learnerA);
		expect(own).toMatchObject({ deleted: true, canEdit: false, canDelete: false });
		expect(deletePost(people.learnerA, thread(id), first!.id)).toEqual({
			ok: false,
			reason: 'deleted'
		});
		const found = searchThreads(
			'cohort1',
			{ id: people.trainer1.id, role: 'moderator' },
			'Geheimes',
			1
		);
		expect(found.rows.map((row) => row.id)).not.toContain(id);
	});

	it('takes an unanswered thread with its opening post', () => {
		const id = start(people.learnerA);
		const [first] = postsOf(id);
		expect(deletePost(people.learnerA, thread(id), first!.id)).toEqual({
			ok: true,
			outcome: 'thread_removed',
			files: []
		});
		expect(getThread('cohort1', id)).toBeUndefined();
	});

	it('takes back the notices of it nobody has read; read ones stay', () => {
		const noticesOf = (postId: string) =>
			getDb()
				.select({ id: schema.notifications.id, key: schema.notifications.dedupeKey })
				.from(schema.notifications)
				.where(eq(schema.notifications.userId, people.learnerA.id))
				.all()
				.filter((row) => row.key?.includes(`:${postId}:`));
		const id = start(people.learnerA);
		addReply(learnerC, id, 'Unüberlegt, @[a]', tick());
		const hasty = postsOf(id)[1]!;
		expect(noticesOf(hasty.id).length).toBeGreaterThan(0);
		deletePost(learnerC, thread(id), hasty.id);
		expect(noticesOf(hasty.id)).toEqual([]);

		addReply(learnerC, id, 'Überlegt', tick());
		const read = postsOf(id)[1]!;
		const [notice] = noticesOf(read.id);
		markRead(people.learnerA.id, notice!.id);
		deletePost(learnerC, thread(id), read.id);
		expect(noticesOf(read.id)).toHaveLength(1);
	});

	it('refuses moderators and other members', () => {
		const id = start(people.learnerA);
		const [first] = postsOf(id);
		expect(deletePost(people.trainer1, thread(id), first!.id)).toEqual({
			ok: false,
			reason: 'not_author'
		});
		expect(deletePost(learnerC, thread(id), first!.id)).toEqual({
			ok: false,
			reason: 'not_author'
		});
		expect(getThread('cohort1', id)).toBeDefined();
	});

	it('audits deleting a hidden post and settles its reports', () => {
		const id = start(people.learnerA);
		addReply(learnerC, id, 'Unfreundlich', tick());
		addReply(people.learnerA, id, 'Bitte nicht', tick());
		const reply = postsOf(id)[1]!;
		reportPost(people.learnerA, thread(id), reply, 'Ton');
		hidePost(people.trainer1, thread(id), reply, 'Ton');
		expect(deletePost(learnerC, thread(id), reply.id)).toEqual({
			ok: true,
			outcome: 'placeholder',
			files: []
		});
		expect(auditOf(reply.id)).toContain('discussion.post_deleted');
		const [, seen] = viewsFor(id, people.trainer1);
		expect(seen).toMatchObject({ deleted: true, hidden: false, html: null });
	});
});
