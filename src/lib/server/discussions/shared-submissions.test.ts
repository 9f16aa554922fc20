import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignment, COURSE, ITEM_ID, person, twoCohorts } from '$test/unit/assignment-helpers';
import type { SessionUser } from '../auth/session';
import { saveDraft } from '../assignments/submissions';
import { removeLearner } from '../cohorts/cohorts';
import { enrol } from '../cohorts/enrolment';
import { getDb, schema } from '../db';
import { eraseAccount } from '../privacy';
import { collectPersonalData } from '../privacy/export-data';
import {
	addReply,
	listPosts,
	revokeSharedSubmission,
	shareSchema,
	sharedSubmissionView,
	shareStateOf,
	shareSubmission
} from '.';
import { getThread } from './threads';

const WHOLE = 'Gespräch mit Frau Beispiel am Montag: Auftrag geklärt.';
const EXCERPT = 'Gespräch mit einer Klientin: Auftrag geklärt.';

let people: Awaited<ReturnType<typeof twoCohorts>>;
let peer: SessionUser;

beforeAll(async () => {
	people = await twoCohorts();
	peer = await person('peer@x.org', 'learner');
	enrol(peer.id, COURSE, 'cohort1');
	saveDraft(people.learnerA.id, assignment(), 'cohort1', WHOLE);
});

const threadIdOf = (url: string) => url.split('/').pop()!;
const storedShare = (threadId: string) =>
	getDb()
		.select()
		.from(schema.sharedSubmissions)
		.where(eq(schema.sharedSubmissions.threadId, threadId))
		.get();
const share = (user: SessionUser, text = EXCERPT, question = 'Wie hättet ihr begonnen?') =>
	shareSubmission(user, ITEM_ID, { text, excerpt: text !== WHOLE, question });

describe('sharing a Praxisaufgabe with the cohort', () => {
	it('starts a thread in the submission’s cohort, linked to the task, with the excerpt on top', () => {
		const shared = share(people.learnerA);
		expect(shared.ok).toBe(true);
		if (!shared.ok) return;
		expect(shared.threadUrl).toMatch(/^\/austausch\/cohort1\//);
		const thread = getThread('cohort1', threadIdOf(shared.threadUrl))!;
		expect(thread).toMatchObject({ itemId: ITEM_ID, moduleId: assignment().moduleId });
		expect(listPosts(thread.id, 1).rows[0]!.body).toBe('Wie hättet ihr begonnen?');
		const seenByPeer = sharedSubmissionView(thread, peer, 'member')!;
		expect(seenByPeer.html).toContain('einer Klientin');
		expect(seenByPeer.html).not.toContain('Frau Beispiel');
		expect(seenByPeer).toMatchObject({ excerpt: true, revokeUrl: null, authorName: 'a' });
		expect(sharedSubmissionView(thread, people.trainer1, 'moderator')!.revokeUrl).toBe(
			`${shared.threadUrl}/freigabe`
		);
		expect(shareStateOf(people.learnerA, ITEM_ID, '/teilen')).toEqual({
			kind: 'shared',
			threadUrl: shared.threadUrl,
			revokeUrl: `${shared.threadUrl}/freigabe`
		});
	});

	it('keeps the thread out of other cohorts (the space rules apply)', () => {
		const row = getDb().select().from(schema.sharedSubmissions).get()!;
		expect(getThread('cohort2', row.threadId)).toBeUndefined();
	});

	it('shares one live copy at a time', () => {
		expect(share(people.learnerA)).toEqual({ ok: false, reason: 'already_shared' });
	});

	it('shares only the learner’s own submission: without one there is nothing to share', () => {
		expect(share(people.learnerB)).toEqual({ ok: false, reason: 'no_submission' });
		expect(share(people.trainer1)).toEqual({ ok: false, reason: 'no_submission' });
	});

	it('refuses a learner who is no longer a member of the submission’s cohort', async () => {
		const leaving = await person('leaving@x.org', 'learner');
		enrol(leaving.id, COURSE, 'cohort1');
		saveDraft(leaving.id, assignment(), 'cohort1', WHOLE);
		removeLearner('cohort1', leaving.id, people.trainer1.id);
		expect(share(leaving)).toEqual({ ok: false, reason: 'not_member' });
		expect(shareStateOf(leaving, ITEM_ID, '/teilen')).toEqual({ kind: 'unavailable' });
	});
});

describe('withdrawing a share', () => {
	it('lets neither other members nor the other cohort’s trainer withdraw it', () => {
		const { threadId } = getDb().select().from(schema.sharedSubmissions).get()!;
		const thread = getThread('cohort1', threadId)!;
		expect(revokeSharedSubmission(peer, thread, 'member')).toEqual({
			ok: false,
			reason: 'not_allowed'
		});
		expect(storedShare(threadId)!.text).toBe(EXCERPT);
	});

	it('deletes the text from the database, keeps the replies, and allows sharing again', () => {
		const { threadId } = getDb().select().from(schema.sharedSubmissions).get()!;
		const thread = getThread('cohort1', threadId)!;
		addReply(peer, threadId, 'Ich hätte zuerst nach dem Auftrag gefragt.');
		expect(revokeSharedSubmission(people.learnerA, thread, 'member')).toEqual({ ok: true });
		const stored = storedShare(threadId)!;
		expect(stored.text).toBeNull();
		expect(stored.revokedAt).not.toBeNull();
		const raw = getDb().$client.prepare('select text from shared_submissions').all();
		expect(JSON.stringify(raw)).not.toContain('Klientin');
		expect(sharedSubmissionView(thread, peer, 'member')).toMatchObject({
			html: null,
			revokeUrl: null
		});
		expect(listPosts(threadId, 1).rows.map((post) => post.body)).toContain(
			'Ich hätte zuerst nach dem Auftrag gefragt.'
		);
		expect(revokeSharedSubmission(people.learnerA, thread, 'member')).toEqual({
			ok: false,
			reason: 'not_found'
		});

		const again = share(people.learnerA, WHOLE, '');
		expect(again.ok).toBe(true);
		if (!again.ok) return;
		expect(threadIdOf(again.threadUrl)).not.toBe(threadId);
		expect(storedShare(threadIdOf(again.threadUrl))).toMatchObject({ text: WHOLE, excerpt: false });
	});

	it('lets the cohort’s trainer withdraw it, recorded as moderation', () => {
		const { threadId } = getDb()
			.select()
			.from(schema.sharedSubmissions)
			.where(eq(schema.sharedSubmissions.text, WHOLE))
			.get()!;
		const thread = getThread('cohort1', threadId)!;
		expect(revokeSharedSubmission(people.trainer1, thread, 'moderator')).toEqual({ ok: true });
		expect(storedShare(threadId)!.text).toBeNull();
		const audit = getDb()
			.select()
			.from(schema.auditLog)
			.where(eq(schema.auditLog.action, 'discussion.share_revoked'))
			.all();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actorId: people.trainer1.id,
			subjectUserId: people.learnerA.id,
			objectId: threadId
		});
	});
});

describe('a shared Praxisaufgabe and the person’s data', () => {
	it('is in the export, and deleting the account removes the text and anonymises the thread', async () => {
		const shared = share(people.learnerA);
		if (!shared.ok) throw new Error(shared.reason);
		const threadId = threadIdOf(shared.threadUrl);
		const exported = collectPersonalData(people.learnerA.id)!.json['austausch.json'] as {
			sharedSubmissions: { text: string | null }[];
		};
		expect(exported.sharedSubmissions.map((row) => row.text)).toContain(EXCERPT);

		await eraseAccount(people.learnerA.id, { actorId: null, trigger: 'admin', reason: 'Test' });
		const stored = storedShare(threadId)!;
		expect(stored.text).toBeNull();
		expect(stored.authorId).not.toBe(people.learnerA.id);
		const thread = getThread('cohort1', threadId)!;
		expect(thread.authorId).toBe(stored.authorId);
		expect(sharedSubmissionView(thread, peer, 'member')).toMatchObject({
			html: null,
			authorName: 'ehemalige*r Teilnehmende*r'
		});
	});
});

describe('the share form', () => {
	const parse = (raw: Record<string, string>) => shareSchema().safeParse(raw);

	it('needs an excerpt when the learner chose to share one', () => {
		expect(parse({ mode: 'auszug', excerpt: '  ' }).success).toBe(false);
		expect(parse({ mode: 'ganz' }).success).toBe(true);
		expect(parse({ mode: 'alles' }).success).toBe(false);
		expect(parse({ mode: 'auszug', excerpt: 'x'.repeat(20_001) }).success).toBe(false);
	});
});
