import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reviewVersion } from '../assignments/review';
import { findSubmission, saveDraft, submitDraft } from '../assignments/submissions';
import { assignment, ITEM_ID, twoCohorts } from '$test/unit/assignment-helpers';
import { createInvite, revokeInvite } from '../auth/invites';
import { attemptLogin } from '../auth/login';
import { setUserActive, setUserRole } from '../auth/users';
import {
	changeOwnPassword,
	completePasswordReset,
	createPasswordReset
} from '../auth/password-change';
import { recordAttendance } from '../cohorts/attendance';
import { removeLearner } from '../cohorts/cohorts';
import { confirmImport } from '../cohorts/csv-import';
import { setOpenForEnrolment } from '../cohorts/enrolment';
import { unlockModule } from '../cohorts/unlocks';
import { issueCertificate } from '../certificates/issue';
import { reissueCertificate, revokeCertificate } from '../certificates/manage';
import { defaultIssuer, saveIssuerChanges } from '../certificates/settings';
import { COURSE_ID, useTemporaryKeyDir } from '$test/unit/certificates';
import { enrol } from '../cohorts/enrolment';
import { getDb, schema } from '../db';
import { getQuiz } from '../content';
import { grantExtraAttempt } from '../quiz/grants';
import { startAttempt, submitAttempt } from '../quiz/attempts';
import { eraseAccount, exportPersonalData } from '../privacy';
import type { AuditAction } from './actions';
import { withRequestContext } from '../http/request-context';
import {
	createThread,
	deletePost,
	editPost,
	getPost,
	hidePost,
	listPosts,
	moveThread,
	reportPost,
	resolveReport,
	listOpenReports,
	setLocked,
	setPinned,
	showPost
} from '../discussions';
import { getThread } from '../discussions/threads';

const IP = '198.51.100.23';

/**
 * The issue's list of audited actions, each done once through the domain functions the pages
 * call, inside a request context with a client address (as hooks.server.ts sets it).
 */
describe('every security- and data-relevant action leaves an audit entry with who, what and IP', () => {
	it('records them all', async () => {
		const people = await twoCohorts();
		useTemporaryKeyDir();
		const { admin, trainer1, learnerA, learnerB } = people;
		await withRequestContext({ locale: 'de', origin: 'http://localhost', ip: IP }, async () => {
			await attemptLogin('t1@x.org', 'pw-pw-pw-pw-1', IP);
			await attemptLogin('admin@x.org', 'falsch-falsch', IP);
			await attemptLogin('a@x.org', 'pw-pw-pw-pw-1', IP); // learners' logins are not audited
			setUserRole(learnerB.id, 'trainer', admin.id);
			setUserActive(learnerB.id, false, admin.id);
			setUserActive(learnerB.id, true, admin.id);
			const reset = createPasswordReset(learnerB.id, admin.id);
			await completePasswordReset(reset.token, 'Zurückgesetzt und neu 2026');
			await changeOwnPassword(learnerB.id, 'Selbst geändert und neu 2026');
			const invite = createInvite({
				role: 'learner',
				email: 'neu@x.org',
				cohortId: 'cohort1',
				maxUses: 1,
				expiresAt: new Date(Date.now() + 86_400_000),
				createdBy: trainer1.id
			});
			revokeInvite(invite.id, null, admin.id);
			confirmImport('cohort1', 'name;email\nNeu Person;person@x.org\n', trainer1.id);
			unlockModule({
				cohortId: 'cohort1',
				moduleId: 'rolle-und-auftrag',
				userId: learnerA.id,
				unlockedBy: trainer1.id
			});
			recordAttendance({
				cohortId: 'cohort1',
				moduleId: 'rolle-und-auftrag',
				day: '2026-03-02',
				entries: [{ userId: learnerA.id, present: true }],
				recordedBy: trainer1.id
			});
			saveDraft(learnerA.id, assignment(), 'cohort1', 'Mein Text');
			const submitted = submitDraft(learnerA.id, assignment(), 'cohort1');
			if (!submitted.ok) throw new Error('submit failed');
			await reviewVersion(trainer1, {
				submissionId: findSubmission(learnerA.id, ITEM_ID)!.id,
				versionId: submitted.versionId,
				decision: 'accepted',
				feedback: '',
				ratings: []
			});
			const quiz = getQuiz('probe-ikbo/rolle-und-auftrag/wissenscheck')!;
			for (let attempt = 0; attempt < 3; attempt++) {
				const started = startAttempt({
					userId: learnerA.id,
					quiz,
					courseId: 'probe-ikbo',
					cohortId: null
				});
				if (started.ok) submitAttempt(started.attemptId, learnerA.id, {});
			}
			grantExtraAttempt({
				actor: trainer1,
				learnerId: learnerA.id,
				courseId: 'probe-ikbo',
				quizId: quiz.id
			});
			enrol(learnerA.id, COURSE_ID);
			const issued = issueCertificate(learnerA.id, COURSE_ID, { issuedBy: admin.id });
			const reissued = reissueCertificate(admin, issued.certificate.id);
			if (!reissued.ok) throw new Error('reissue failed');
			revokeCertificate(admin, reissued.certificate.id, 'Fehler im Namen');
			saveIssuerChanges(admin.id, { ...defaultIssuer, name: 'Träger' }, {});
			setOpenForEnrolment(COURSE_ID, true, admin.id);
			await exportPersonalData(learnerA.id, admin.id);
			const threadId = createThread(trainer1, 'cohort1', {
				title: 'Willkommen',
				body: 'Hallo',
				moduleId: null,
				itemId: null
			});
			const thread = getThread('cohort1', threadId)!;
			const post = getPost(threadId, listPosts(threadId, 1).rows[0]!.id)!;
			reportPost(learnerA, thread, post, 'Tippfehler');
			resolveReport(trainer1, 'cohort1', listOpenReports('cohort1').rows[0]!.id);
			setPinned(trainer1, thread, true);
			setPinned(trainer1, thread, false);
			setLocked(trainer1, thread, true);
			setLocked(trainer1, thread, false);
			moveThread(trainer1, thread, null, false);
			hidePost(trainer1, thread, post, 'Probe');
			showPost(trainer1, thread, post);
			hidePost(trainer1, thread, post, 'Probe');
			editPost(trainer1, thread, post.id, 'Hallo zusammen');
			deletePost(trainer1, thread, post.id);
			removeLearner('cohort1', learnerA.id, trainer1.id);
			await eraseAccount(learnerA.id, { actorId: admin.id, trigger: 'admin', reason: 'Antrag' });
		});

		const entries = getDb().select().from(schema.auditLog).all();
		const expected: [AuditAction, string | null][] = [
			['login.succeeded', trainer1.id],
			['login.failed', admin.id],
			['user.role_changed', admin.id],
			['user.deactivated', admin.id],
			['user.reactivated', admin.id],
			['user.password_reset_link_created', admin.id],
			['user.password_reset', null],
			['user.password_changed', learnerB.id],
			['invite.created', trainer1.id],
			['invite.revoked', admin.id],
			['cohort.csv_imported', trainer1.id],
			['cohort.module_unlocked', trainer1.id],
			['attendance.changed', trainer1.id],
			['submission.reviewed', trainer1.id],
			['quiz.attempt_granted', trainer1.id],
			['certificate.issued', admin.id],
			['certificate.reissued', admin.id],
			['certificate.revoked', admin.id],
			['settings.changed', admin.id],
			['data.exported', admin.id],
			['discussion.reported', learnerA.id],
			['discussion.report_resolved', trainer1.id],
			['discussion.pinned', trainer1.id],
			['discussion.unpinned', trainer1.id],
			['discussion.locked', trainer1.id],
			['discussion.unlocked', trainer1.id],
			['discussion.moved', trainer1.id],
			['discussion.post_hidden', trainer1.id],
			['discussion.post_shown', trainer1.id],
			['discussion.post_edited', trainer1.id],
			['discussion.post_deleted', trainer1.id],
			['cohort.learner_removed', trainer1.id],
			['account.deleted', admin.id]
		];
		for (const [action, actorId] of expected) {
			const entry = entries.find((row) => row.action === action);
			expect(entry, action).toBeDefined();
			expect(entry, action).toMatchObject({ actorId, ip: IP });
		}
		expect(entries.filter((row) => row.action === 'settings.changed')).toHaveLength(2);
		const learnerLogins = entries.filter(
			(row) => row.action.startsWith('login.') && row.actorId === learnerA.id
		);
		expect(learnerLogins).toEqual([]);
		expect(
			getDb().select().from(schema.users).where(eq(schema.users.id, learnerA.id)).get()
		).toBeUndefined();
	});
});
