import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE_ID, enrol, makeCohort, makeUser, useCertificateDb } from '$test/unit/certificates';
import { leaveNetwork } from '../alumni';
import type { SessionUser } from '../auth/session';
import { issueCertificate } from '../certificates/issue';
import { defaultIssuer, saveIssuerSettings } from '../certificates/settings';
import { notifications } from '../db/schema';
import { eraseAccount } from '../privacy';
import {
	addReply,
	alumniSpace,
	authorLabel,
	countOpenReports,
	createThread,
	listPosts,
	listThreads,
	postUrl,
	reportPost,
	searchThreads,
	spaceUrl
} from '.';
import { spaceRoleOf } from './space';
import { getThread } from './threads';

const db = useCertificateDb();
const alumni = alumniSpace(COURSE_ID);

let admin: SessionUser;
let trainer: SessionUser;
let alumna: SessionUser;
let alumnus: SessionUser;
let learner: SessionUser;
let cohortId: string;

const session = async (name: string, role: SessionUser['role'] = 'learner') => {
	const user = await makeUser(name, role);
	return { id: user.id, name: user.name, email: user.email, role } as SessionUser;
};

beforeAll(async () => {
	admin = await session('Jonas Admin', 'admin');
	trainer = await session('Tina Trainerin', 'trainer');
	alumna = await session('Ada Alumna');
	alumnus = await session('Ben Alumnus');
	learner = await session('Carla Lernend');
	saveIssuerSettings({ ...defaultIssuer, name: 'Träger e. V.' });
	cohortId = makeCohort(admin.id, trainer.id);
	enrol(learner.id, COURSE_ID, cohortId);
	for (const person of [alumna, alumnus])
		issueCertificate(person.id, COURSE_ID, { issuedBy: admin.id });
});

const start = (author: SessionUser, title = 'Hospitation im Frühjahr?') =>
	createThread(author, alumni, {
		title,
		body: 'Wer nimmt Gäste auf?',
		moduleId: null,
		itemId: null
	});

describe('the alumni area of a course', () => {
	it('takes the course’s alumni as members and its trainers and admins as moderators', () => {
		expect(spaceRoleOf(alumna, alumni)).toBe('member');
		expect(spaceRoleOf(trainer, alumni)).toBe('moderator');
		expect(spaceRoleOf(admin, alumni)).toBe('moderator');
		// Taking part in the cohort does not make anyone an alumnus.
		expect(spaceRoleOf(learner, alumni)).toBeNull();
		expect(spaceUrl(alumni)).toBe(`/alumni/${COURSE_ID}/austausch`);
	});

	it('keeps its threads apart from the cohort’s Austausch, both ways', () => {
		const alumniThread = start(alumna);
		const cohortThread = createThread(learner, cohortId, {
			title: 'Frage im Lehrgang',
			body: 'Hallo',
			moduleId: null,
			itemId: null
		});
		expect(getThread(alumni, alumniThread)?.cohortId).toBeNull();
		expect(getThread(cohortId, alumniThread)).toBeUndefined();
		expect(getThread(alumni, cohortThread)).toBeUndefined();
		const ids = (space: typeof alumni | string) =>
			listThreads(space, admin.id, {}, 1).rows.map((row) => row.id);
		expect(ids(alumni)).toContain(alumniThread);
		expect(ids(alumni)).not.toContain(cohortThread);
		expect(ids(cohortId)).not.toContain(alumniThread);
		expect(
			searchThreads(alumni, { id: alumna.id, role: 'member' }, 'Hospitation', 1).rows.map(
				(row) => row.id
			)
		).toContain(alumniThread);
	});

	it('notifies participants who are still alumni, with a link into the alumni area', async () => {
		const threadId = start(alumnus, 'Alumni-Treffen');
		const leaver = await session('Dora Geht');
		issueCertificate(leaver.id, COURSE_ID, { issuedBy: admin.id });
		addReply(leaver, threadId, 'Bin dabei', new Date(Date.now() + 1000));
		leaveNetwork(leaver.id, COURSE_ID);
		expect(spaceRoleOf(leaver, alumni)).toBeNull();
		const reply = addReply(alumna, threadId, 'Ich auch', new Date(Date.now() + 2000));
		const replyNotices = (userId: string) =>
			db
				.select()
				.from(notifications)
				.where(and(eq(notifications.userId, userId), eq(notifications.kind, 'discussion_reply')))
				.all();
		expect(replyNotices(leaver.id)).toHaveLength(0);
		const [notice] = replyNotices(alumnus.id).slice(-1);
		expect(reply.ok && notice?.link).toBe(
			reply.ok ? postUrl(alumni, threadId, reply.postId) : null
		);
		expect(notice?.link.startsWith(`/alumni/${COURSE_ID}/austausch/`)).toBe(true);
	});

	it('counts reports in its own space and anonymises a deleted author’s posts', async () => {
		const author = await session('Emil Entfernt');
		issueCertificate(author.id, COURSE_ID, { issuedBy: admin.id });
		const threadId = start(author, 'Mentoring gesucht');
		const thread = getThread(alumni, threadId)!;
		const [post] = listPosts(threadId, 1).rows;
		const before = countOpenReports(alumni);
		expect(reportPost(alumna, thread, post!, 'Werbung').ok).toBe(true);
		expect(countOpenReports(alumni)).toBe(before + 1);
		expect(countOpenReports(cohortId)).toBe(0);
		await eraseAccount(author.id, { actorId: admin.id, trigger: 'admin', reason: 'Antrag' });
		const [kept] = listPosts(threadId, 1).rows;
		expect(kept?.body).toBe('Wer nimmt Gäste auf?');
		expect(authorLabel(kept!)).not.toBe('Emil Entfernt');
		expect(kept?.authorErased).toBe(true);
	});
});
