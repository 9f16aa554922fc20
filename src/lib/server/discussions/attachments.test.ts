import { and, eq } from 'drizzle-orm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE, person, twoCohorts } from '$test/unit/assignment-helpers';
import type { SessionUser } from '../auth/session';
import { enrol } from '../cohorts/enrolment';
import { uploadDir } from '../config/paths';
import { getDb, schema } from '../db';
import { eraseCohortData } from '../privacy/cohort-erase';
import {
	addReply,
	attachmentsOf,
	checkAttachments,
	createThread,
	deletePostAndFiles,
	discussionRoleOf,
	hidePost,
	listPosts,
	postView,
	readableAttachment,
	readPostForm,
	storeAttachments,
	type StoredAttachment
} from '.';
import { getThread } from './threads';

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const png = Uint8Array.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
	0, 0, 0, 1, 8, 2, 0, 0, 0
]);
const file = (name: string, bytes: Uint8Array) => new File([bytes.slice()], name);

/** A multipart request as the reply form sends it. */
function postRequest(files: File[], body = 'Siehe Anhang') {
	const form = new FormData();
	form.set('body', body);
	for (const part of files) form.append('dateien', part);
	return new Request('http://localhost/austausch', { method: 'POST', body: form });
}

async function stored(files: File[]): Promise<StoredAttachment[]> {
	const read = await readPostForm(postRequest(files));
	if (!read.ok) throw new Error(read.message);
	const checked = await checkAttachments(read.files);
	if (!checked.ok) throw new Error(checked.message);
	const result = await storeAttachments(checked.checked);
	if (!result.ok) throw new Error(result.message);
	return result.stored;
}

const onDisk = (name: string) => existsSync(join(uploadDir(), name));

let people: Awaited<ReturnType<typeof twoCohorts>>;
let learnerC: SessionUser;
let clock = Date.now();
const tick = () => new Date((clock += 1000));

beforeAll(async () => {
	people = await twoCohorts();
	learnerC = await person('c@x.org', 'learner');
	enrol(learnerC.id, COURSE, 'cohort1');
});

/** A thread by learner A in cohort 1 with a reply by learner C carrying the given files. */
async function replyWithFiles(files: File[]) {
	const threadId = createThread(
		people.learnerA,
		'cohort1',
		{ title: 'Material', body: 'Wer hat Vorlagen?', moduleId: null, itemId: null },
		tick()
	);
	const attachments = await stored(files);
	const reply = addReply(learnerC, threadId, 'Hier, bitte', tick(), attachments);
	if (!reply.ok) throw new Error('locked');
	const ids = attachmentsOf([reply.postId])
		.get(reply.postId)!
		.map((view) => view.id);
	return { threadId, postId: reply.postId, attachments, ids };
}

describe('checking files for a post', () => {
	it('accepts up to three files whose content matches their type, and skips an empty input', async () => {
		const read = await readPostForm(
			postRequest([file('plan.pdf', pdf), file('foto.png', png), new File([], '')])
		);
		expect(read.ok && read.files.map((part) => part.name)).toEqual(['plan.pdf', 'foto.png']);
		const checked = await checkAttachments(read.ok ? read.files : []);
		expect(checked.ok && checked.checked.map((part) => part.mime)).toEqual([
			'application/pdf',
			'image/png'
		]);
	});

	it('refuses a fourth file, a file whose content is not its type, and an empty file', async () => {
		const four = await checkAttachments(
			['a', 'b', 'c', 'd'].map((name) => file(`${name}.pdf`, pdf))
		);
		expect(four).toMatchObject({ ok: false, status: 400 });
		expect(!four.ok && four.message).toContain('höchstens 3 Dateien');
		const disguised = await checkAttachments([
			file('rechnung.pdf', new TextEncoder().encode('MZ'))
		]);
		expect(!disguised.ok && disguised.message).toContain('passt nicht zur Dateiendung');
		const empty = await checkAttachments([file('leer.pdf', new Uint8Array())]);
		expect(!empty.ok && empty.message).toContain('ist leer');
		const script = await checkAttachments([file('skript.html', pdf)]);
		expect(!script.ok && script.message).toContain('nicht erlaubt');
		expect(!script.ok && script.message).toContain('erneut aus');
	});

	it('refuses files over 10 MB together before reading them', async () => {
		const big = new Uint8Array(6 * 1024 * 1024);
		big.set(pdf);
		const read = await readPostForm(postRequest([file('a.pdf', big), file('b.pdf', big)]));
		expect(read).toMatchObject({ ok: false, status: 413 });
		expect(!read.ok && read.message).toContain('höchstens 10 MB je Beitrag');
	});
});

describe('a post with files', () => {
	it('shows its files to the readers of the space, with name, size and type', async () => {
		const { threadId, postId, attachments } = await replyWithFiles([file('Ablauf Ümit.pdf', pdf)]);
		expect(attachments.every((entry) => onDisk(entry.storedName))).toBe(true);
		const row = listPosts(threadId, 1).rows.find((post) => post.id === postId)!;
		const view = postView(
			{ ...row, attachments: attachmentsOf([postId]).get(postId) ?? [] },
			people.learnerA.id,
			'member',
			new Set()
		);
		expect(view.attachments).toEqual([
			{ id: expect.any(String), name: 'Ablauf Ümit.pdf', size: pdf.byteLength, type: 'PDF' }
		]);
	});

	it('is downloadable by the space’s learners, its trainers and admins only', async () => {
		const { ids } = await replyWithFiles([file('plan.pdf', pdf)]);
		const id = ids[0]!;
		for (const reader of [people.learnerA, learnerC, people.trainer1, people.admin]) {
			expect(readableAttachment(reader, id)?.originalName).toBe('plan.pdf');
		}
		for (const stranger of [people.learnerB, people.trainer2]) {
			expect(readableAttachment(stranger, id)).toBeNull();
		}
		expect(readableAttachment(people.learnerA, 'aaaaaaaaaaaaaaaa')).toBeNull();
	});

	it('is no longer downloadable by a learner who left the cohort', async () => {
		const leaver = await person('leaver@x.org', 'learner');
		enrol(leaver.id, COURSE, 'cohort1');
		const { ids } = await replyWithFiles([file('plan.pdf', pdf)]);
		expect(readableAttachment(leaver, ids[0]!)).not.toBeNull();
		getDb()
			.delete(schema.enrolments)
			.where(
				and(eq(schema.enrolments.userId, leaver.id), eq(schema.enrolments.cohortId, 'cohort1'))
			)
			.run();
		expect(discussionRoleOf(leaver, 'cohort1')).toBeNull();
		expect(readableAttachment(leaver, ids[0]!)).toBeNull();
	});

	it('keeps a hidden post’s files from other learners, not from its author and the moderators', async () => {
		const { threadId, postId, ids } = await replyWithFiles([file('plan.pdf', pdf)]);
		const thread = getThread('cohort1', threadId)!;
		hidePost(people.trainer1, thread, { id: postId, authorId: learnerC.id }, 'Werbung');
		expect(readableAttachment(people.learnerA, ids[0]!)).toBeNull();
		expect(readableAttachment(learnerC, ids[0]!)).not.toBeNull();
		expect(readableAttachment(people.trainer1, ids[0]!)).not.toBeNull();
		const row = listPosts(threadId, 1).rows.find((post) => post.id === postId)!;
		const withFiles = { ...row, attachments: attachmentsOf([postId]).get(postId) ?? [] };
		expect(postView(withFiles, people.learnerA.id, 'member', new Set()).attachments).toEqual([]);
		expect(postView(withFiles, learnerC.id, 'member', new Set()).attachments).toHaveLength(1);
	});
});

describe('deleting posts with files', () => {
	it('removes the files of an answered post from disk and from the placeholder', async () => {
		const { threadId, postId, attachments, ids } = await replyWithFiles([
			file('a.pdf', pdf),
			file('b.png', png)
		]);
		addReply(people.learnerA, threadId, 'Danke!', tick());
		const result = await deletePostAndFiles(learnerC, getThread('cohort1', threadId)!, postId);
		expect(result).toMatchObject({ ok: true, outcome: 'placeholder' });
		expect(attachments.some((entry) => onDisk(entry.storedName))).toBe(false);
		expect(attachmentsOf([postId]).size).toBe(0);
		expect(readableAttachment(people.trainer1, ids[0]!)).toBeNull();
	});

	it('removes the files of an unanswered reply with it', async () => {
		const { threadId, postId, attachments } = await replyWithFiles([file('a.pdf', pdf)]);
		const result = await deletePostAndFiles(learnerC, getThread('cohort1', threadId)!, postId);
		expect(result).toMatchObject({ ok: true, outcome: 'removed' });
		expect(onDisk(attachments[0]!.storedName)).toBe(false);
	});

	it('removes a learner’s files when the cohort’s data is deleted, keeping the anonymised post', async () => {
		const { postId, attachments } = await replyWithFiles([file('a.pdf', pdf)]);
		expect(await eraseCohortData('cohort1', learnerC.id)).toBe(true);
		expect(onDisk(attachments[0]!.storedName)).toBe(false);
		expect(attachmentsOf([postId]).size).toBe(0);
		const post = getDb()
			.select({ authorId: schema.discussionPosts.authorId })
			.from(schema.discussionPosts)
			.where(eq(schema.discussionPosts.id, postId))
			.get();
		expect(post?.authorId).not.toBe(learnerC.id);
		enrol(learnerC.id, COURSE, 'cohort1');
	});
});
