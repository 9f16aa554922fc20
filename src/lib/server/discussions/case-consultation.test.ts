import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE_ID, enrol, makeCohort, makeUser, useCertificateDb } from '$test/unit/certificates';
import type { SessionUser } from '../auth/session';
import { caseConsultationPosts, caseConsultations, notifications } from '../db/schema';
import { eraseAccount } from '../privacy';
import { collectPersonalData } from '../privacy/export-data';
import {
	changePhase,
	createCaseConsultation,
	phasesOfPosts,
	replyInThread,
	setCaseRoles
} from './case-consultation';
import { caseConsultationView } from './case-view';
import { getThread } from './threads';

const db = useCertificateDb();

let admin: SessionUser;
let trainer: SessionUser;
let giver: SessionUser;
let moderator: SessionUser;
let adviser: SessionUser;
let outsider: SessionUser;
let cohortId: string;

const session = async (name: string, role: SessionUser['role'] = 'learner') => {
	const user = await makeUser(name, role);
	return { id: user.id, name: user.name, email: user.email, role } as SessionUser;
};

beforeAll(async () => {
	admin = await session('Jonas Admin', 'admin');
	trainer = await session('Tina Trainerin', 'trainer');
	giver = await session('Fatma Fallgeberin');
	moderator = await session('Moritz Moderation');
	adviser = await session('Berta Beraterin');
	outsider = await session('Otto Außen');
	cohortId = makeCohort(admin.id, trainer.id);
	const other = makeCohort(admin.id, undefined, 'Anderer Lehrgang');
	for (const person of [giver, moderator, adviser]) enrol(person.id, COURSE_ID, cohortId);
	enrol(outsider.id, COURSE_ID, other);
});

function start(roles = { caseGiverId: giver.id, moderatorId: moderator.id }) {
	const result = createCaseConsultation(trainer, cohortId, {
		title: 'Fallberatung: Konflikt im Team',
		body: 'Willkommen! So gehen wir vor.',
		...roles
	});
	if (!result.ok) throw new Error('not created');
	return getThread(cohortId, result.threadId)!;
}

const stateOf = (threadId: string) =>
	db.select().from(caseConsultations).where(eq(caseConsultations.threadId, threadId)).get();

describe('starting a kollegiale Fallberatung', () => {
	it('is for the cohort’s trainers only', () => {
		const input = {
			title: 'Mein Fall',
			body: 'Hallo',
			caseGiverId: giver.id,
			moderatorId: moderator.id
		};
		expect(createCaseConsultation(giver, cohortId, input)).toEqual({
			ok: false,
			reason: 'not_allowed'
		});
	});

	it('takes the Fallgeber*in from the cohort and two different people', () => {
		const input = { title: 'Fall', body: 'Hallo' };
		const stranger = createCaseConsultation(trainer, cohortId, {
			...input,
			caseGiverId: outsider.id,
			moderatorId: moderator.id
		});
		expect(stranger.ok || 'errors' in stranger ? stranger : null).toMatchObject({
			errors: { caseGiverId: expect.any(String) }
		});
		const same = createCaseConsultation(trainer, cohortId, {
			...input,
			caseGiverId: giver.id,
			moderatorId: giver.id
		});
		expect(same).toMatchObject({ ok: false, errors: { moderatorId: expect.any(String) } });
		const trainerModerates = createCaseConsultation(trainer, cohortId, {
			...input,
			caseGiverId: giver.id,
			moderatorId: trainer.id
		});
		expect(trainerModerates.ok).toBe(true);
	});

	it('starts in phase 1, shows the roles by name and tells the two people chosen', () => {
		const thread = start();
		expect(stateOf(thread.id)).toMatchObject({ phase: 1, closedAt: null });
		const view = caseConsultationView(thread, adviser, 'member')!;
		expect(view).toMatchObject({
			caseGiver: 'Fatma Fallgeberin',
			moderator: 'Moritz Moderation',
			consultants: ['Berta Beraterin'],
			yourRole: 'Berater*in',
			mayPost: true,
			maySteer: false
		});
		const told = db
			.select({ userId: notifications.userId, data: notifications.data })
			.from(notifications)
			.where(eq(notifications.link, `/austausch/${cohortId}/${thread.id}`))
			.all();
		expect(told.map((row) => [row.userId, row.data.caseNotice]).sort()).toEqual(
			[
				[giver.id, 'case_giver'],
				[moderator.id, 'moderation']
			].sort()
		);
	});
});

describe('writing and steering through the phases', () => {
	it('lets only who the phase calls on write, and keeps each post’s phase', () => {
		const thread = start();
		expect(changePhase(moderator, 'member', thread, 'forward')).toMatchObject({ phase: 2 });
		expect(replyInThread(adviser, 'member', thread.id, 'Ein Rat')).toEqual({
			ok: false,
			reason: 'not_your_phase'
		});
		const told = replyInThread(giver, 'member', thread.id, 'Mein Fall ist …');
		const byTrainer = replyInThread(trainer, 'moderator', thread.id, 'Danke!');
		expect(told.ok && byTrainer.ok).toBe(true);
		for (const step of [3, 4, 5]) {
			expect(changePhase(trainer, 'moderator', thread, 'forward')).toMatchObject({ phase: step });
		}
		expect(replyInThread(giver, 'member', thread.id, 'Darf ich?')).toMatchObject({ ok: false });
		const advice = replyInThread(adviser, 'member', thread.id, 'Eine Idee');
		if (!told.ok || !advice.ok) throw new Error('refused');
		const phases = phasesOfPosts([told.postId, advice.postId]);
		expect([phases.get(told.postId), phases.get(advice.postId)]).toEqual([2, 5]);
		expect(db.select().from(caseConsultationPosts).all().length).toBeGreaterThan(3);
	});

	it('lets neither the Fallgeber*in nor a Berater*in change the phase', () => {
		const thread = start();
		expect(changePhase(giver, 'member', thread, 'forward')).toEqual({
			ok: false,
			reason: 'not_allowed'
		});
		expect(changePhase(adviser, 'member', thread, 'forward')).toMatchObject({ ok: false });
		expect(stateOf(thread.id)?.phase).toBe(1);
	});

	it('tells the cohort once per change, not whoever changed it', () => {
		const thread = start();
		const now = new Date('2026-12-04T10:00:00Z');
		changePhase(moderator, 'member', thread, 'forward', now);
		const notices = db
			.select({ userId: notifications.userId })
			.from(notifications)
			.where(eq(notifications.createdAt, now))
			.all()
			.map((row) => row.userId)
			.sort();
		expect(notices).toEqual([giver.id, adviser.id].sort());
	});

	it('closes and locks the thread after the last phase, and then refuses every post', () => {
		const thread = start();
		for (let step = 0; step < 5; step++) changePhase(moderator, 'member', thread, 'forward');
		expect(changePhase(moderator, 'member', thread, 'forward')).toEqual({
			ok: true,
			phase: 6,
			closed: true
		});
		expect(getThread(cohortId, thread.id)?.lockedAt).not.toBeNull();
		expect(replyInThread(trainer, 'moderator', thread.id, 'Noch was')).toEqual({
			ok: false,
			reason: 'closed'
		});
		const view = caseConsultationView(thread, trainer, 'moderator')!;
		expect(view.summary).toContain('Fallgeber*in Fatma Fallgeberin');
		expect(view.roleChoices).toBeNull();
		expect(
			setCaseRoles(trainer, thread, { caseGiverId: adviser.id, moderatorId: moderator.id })
		).toEqual({ ok: false, reason: 'closed' });
	});

	it('lets the trainer change the roles before the end, telling only the newly chosen', () => {
		const thread = start();
		const now = new Date('2026-12-04T11:00:00Z');
		expect(
			setCaseRoles(trainer, thread, { caseGiverId: adviser.id, moderatorId: moderator.id }, now)
		).toEqual({ ok: true });
		expect(stateOf(thread.id)).toMatchObject({ caseGiverId: adviser.id });
		const told = db
			.select({ userId: notifications.userId })
			.from(notifications)
			.where(eq(notifications.createdAt, now))
			.all();
		expect(told.map((row) => row.userId)).toEqual([adviser.id]);
	});
});

describe('privacy', () => {
	it('exports the roles and shows a deleted Fallgeber*in as a former participant', async () => {
		const leaving = await session('Lea Lernende');
		enrol(leaving.id, COURSE_ID, cohortId);
		const thread = start({ caseGiverId: leaving.id, moderatorId: moderator.id });
		const exported = collectPersonalData(leaving.id)!.json['austausch.json'] as {
			caseConsultationRoles: { threadId: string; caseGiver: boolean }[];
		};
		expect(exported.caseConsultationRoles).toEqual([
			expect.objectContaining({ threadId: thread.id, caseGiver: true, moderation: false })
		]);
		await eraseAccount(leaving.id, { actorId: admin.id, trigger: 'admin', reason: 'Antrag' });
		expect(stateOf(thread.id)?.caseGiverId).not.toBe(leaving.id);
		expect(caseConsultationView(thread, trainer, 'moderator')?.caseGiver).toBe(
			'ehemalige*r Teilnehmende*r'
		);
	});
});
