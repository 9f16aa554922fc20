import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getCourse } from '../content';
import { getDb } from '../db';
import { completionEvents, mailOutbox, reviews } from '../db/schema';
import { setMailPreferences } from '../mail';
import { countUnread, listNotifications } from '../notifications';
import { getModuleAccess, recordCompletion } from '../progress';
import { canReadSubmission, canReviewSubmission } from './access';
import { listHistory } from './history';
import { listReviewQueue } from './queue';
import { reviewVersion } from './review';
import { findSubmission, listDraftFiles, saveDraft, submitDraft } from './submissions';
import { assignment, COURSE, ITEM_ID, twoCohorts } from '$test/unit/assignment-helpers';
import { deleteStoredUpload, storeUpload } from './uploads';

let people: Awaited<ReturnType<typeof twoCohorts>>;
beforeEach(async () => {
	people = await twoCohorts();
});

const ratings = [{ criterionId: 'auftrag', rating: 'partly' as const, comment: 'Ziel genauer' }];

function submitAs(userId: string, text: string, cohortId = 'cohort1') {
	expect(saveDraft(userId, assignment(), cohortId, text).ok).toBe(true);
	const result = submitDraft(userId, assignment(), cohortId);
	if (!result.ok) throw new Error(`submit failed: ${result.reason}`);
	return { ...result, submissionId: findSubmission(userId, ITEM_ID)!.id };
}

/** A draft of the practice assignment with one small PDF attached; returns its stored name. */
async function draftWithPdf(userId: string): Promise<string> {
	const storedName = await storeUpload(new TextEncoder().encode('%PDF-1.4'));
	saveDraft(userId, assignment(), 'cohort1', '', {
		storedName,
		originalName: 'auftrag.pdf',
		mimeType: 'application/pdf',
		size: 8
	});
	return storedName;
}

describe('the review loop', () => {
	it('runs submit → revision requested → resubmit → accepted, keeping all versions', async () => {
		const { learnerA, trainer1 } = people;
		const first = submitAs(learnerA.id, 'Erster **Entwurf**');
		expect(findSubmission(learnerA.id, ITEM_ID)!.status).toBe('submitted');
		expect(saveDraft(learnerA.id, assignment(), 'cohort1', 'geändert')).toEqual({
			ok: false,
			reason: 'locked'
		});
		expect(listNotifications(trainer1.id, 1).rows[0]).toMatchObject({
			kind: 'submission_to_review',
			link: `/trainer/abgaben/${first.submissionId}`
		});

		const revision = await reviewVersion(trainer1, {
			submissionId: first.submissionId,
			versionId: first.versionId,
			decision: 'revision_requested',
			feedback: 'Bitte **Ressourcen** ergänzen.',
			ratings
		});
		expect(revision).toEqual({ ok: true });
		expect(findSubmission(learnerA.id, ITEM_ID)!.status).toBe('revision_requested');
		expect(listNotifications(learnerA.id, 1).rows[0]).toMatchObject({
			kind: 'feedback_received',
			data: { decision: 'revision_requested' }
		});

		const second = submitAs(learnerA.id, 'Zweiter Entwurf mit Ressourcen');
		expect(second.version).toBe(2);
		expect(
			await reviewVersion(trainer1, {
				submissionId: second.submissionId,
				versionId: second.versionId,
				decision: 'accepted',
				feedback: 'Sehr gut.',
				ratings: [{ criterionId: 'auftrag', rating: 'met', comment: '' }]
			})
		).toEqual({ ok: true });
		expect(findSubmission(learnerA.id, ITEM_ID)!.status).toBe('accepted');

		const history = listHistory(second.submissionId, assignment().rubric);
		expect(history.map((version) => [version.version, version.review?.decision])).toEqual([
			[2, 'accepted'],
			[1, 'revision_requested']
		]);
		expect(history[1]!.html).toContain('<strong>Entwurf</strong>');
		expect(history[1]!.review!.feedbackHtml).toContain('<strong>Ressourcen</strong>');
		// Rated before the criterion had levels: still shown with the original label.
		expect(history[1]!.review!.ratings[0]).toMatchObject({
			label: 'Ziel und Aufgaben sind klar und konkret beschrieben',
			ratingLabel: 'teilweise erfüllt'
		});
		const events = getDb()
			.select()
			.from(completionEvents)
			.where(and(eq(completionEvents.userId, learnerA.id), eq(completionEvents.itemId, ITEM_ID)))
			.all();
		expect(events.map((event) => event.source)).toEqual(['assignment_accepted']);
	});

	it('opens the next sequential module once the required assignment is accepted', async () => {
		const { learnerA, trainer1 } = people;
		const module1 = getCourse(COURSE)!.modules[0]!;
		const module2 = getCourse(COURSE)!.modules[1]!;
		for (const item of module1.items) {
			if (item.id !== ITEM_ID) recordCompletion(learnerA.id, item.id, 'lesson_marked');
		}
		expect(getModuleAccess(learnerA, COURSE, module2.id).open).toBe(false);
		const { submissionId, versionId } = submitAs(learnerA.id, 'Text');
		expect(getModuleAccess(learnerA, COURSE, module2.id).open).toBe(false);
		await reviewVersion(trainer1, {
			submissionId,
			versionId,
			decision: 'accepted',
			feedback: '',
			ratings
		});
		expect(getModuleAccess(learnerA, COURSE, module2.id).open).toBe(true);
	});

	it('gives a second reviewer of the same version a conflict and keeps the first decision', async () => {
		const { learnerA, trainer1, admin } = people;
		const { submissionId, versionId } = submitAs(learnerA.id, 'Text');
		const input = { submissionId, versionId, feedback: '', ratings };
		expect(await reviewVersion(trainer1, { ...input, decision: 'revision_requested' })).toEqual({
			ok: true
		});
		expect(await reviewVersion(admin, { ...input, decision: 'accepted' })).toEqual({
			ok: false,
			reason: 'conflict'
		});
		expect(findSubmission(learnerA.id, ITEM_ID)!.status).toBe('revision_requested');
		expect(getDb().select().from(reviews).all()).toHaveLength(1);
	});

	it('reports a conflict when the unique index catches a review written at the same moment', async () => {
		const { learnerA, trainer1, admin } = people;
		const { submissionId, versionId } = submitAs(learnerA.id, 'Text');
		// The other trainer's review landed between our read and our write.
		getDb()
			.insert(reviews)
			.values({
				id: 'parallelreview01',
				submissionId,
				versionId,
				reviewerId: admin.id,
				decision: 'accepted',
				ratings: []
			})
			.run();
		const result = await reviewVersion(trainer1, {
			submissionId,
			versionId,
			decision: 'revision_requested',
			feedback: 'x',
			ratings
		});
		expect(result).toEqual({ ok: false, reason: 'conflict' });
	});

	it('mails the trainer about a submission and the learner about the decision, in the same transactions', async () => {
		process.env.ORIGIN = 'https://lernen.example.org';
		const { learnerA, trainer1, admin } = people;
		setMailPreferences(trainer1.id, { submission_to_review: 'immediate' });
		const { submissionId, versionId } = submitAs(learnerA.id, 'Text');
		const toTrainer = getDb().select().from(mailOutbox).all();
		expect(toTrainer).toHaveLength(1);
		expect(toTrainer[0]).toMatchObject({ kind: 'submission_to_review', toAddress: 't1@x.org' });
		const feedback =
			'**Gut gemacht.** Bitte ergänzen Sie noch, wie Sie [Dolmetschende](https://evil.example) einbinden.';
		await reviewVersion(trainer1, {
			submissionId,
			versionId,
			decision: 'revision_requested',
			feedback,
			ratings
		});
		const toLearner = getDb()
			.select()
			.from(mailOutbox)
			.where(eq(mailOutbox.kind, 'feedback_received'))
			.all();
		expect(toLearner).toHaveLength(1);
		expect(toLearner[0]!.toAddress).toBe('a@x.org');
		expect(toLearner[0]!.textBody).toContain('t1 hat Ihre Praxisaufgabe');
		expect(toLearner[0]!.textBody).toContain(
			'> Gut gemacht. Bitte ergänzen Sie noch, wie Sie Dolmetschende einbinden.'
		);
		expect(toLearner[0]!.textBody).not.toContain('evil');
		// A conflicting second decision creates no second mail.
		await reviewVersion(admin, {
			submissionId,
			versionId,
			decision: 'accepted',
			feedback: '',
			ratings
		});
		expect(
			getDb().select().from(mailOutbox).where(eq(mailOutbox.kind, 'feedback_received')).all()
		).toHaveLength(1);
	});

	it('refuses to submit an empty draft', () => {
		saveDraft(people.learnerA.id, assignment(), 'cohort1', '   ');
		expect(submitDraft(people.learnerA.id, assignment(), 'cohort1')).toEqual({
			ok: false,
			reason: 'incomplete',
			missing: 'text_or_file'
		});
	});

	it('freezes draft files into the version and carries them into a revision', async () => {
		const { learnerA, trainer1 } = people;
		await draftWithPdf(learnerA.id);
		const result = submitDraft(learnerA.id, assignment(), 'cohort1');
		expect(result.ok).toBe(true);
		const submission = findSubmission(learnerA.id, ITEM_ID)!;
		expect(listDraftFiles(submission.id)).toEqual([]);
		const [version] = listHistory(submission.id, []);
		expect(version!.files.map((file) => file.originalName)).toEqual(['auftrag.pdf']);
		await reviewVersion(trainer1, {
			submissionId: submission.id,
			versionId: version!.id,
			decision: 'revision_requested',
			feedback: '',
			ratings
		});
		expect(listDraftFiles(submission.id).map((file) => file.originalName)).toEqual(['auftrag.pdf']);
	});

	it('lists a second file of the same name as a numbered copy, not as a twin', async () => {
		const { learnerA, trainer1 } = people;
		await draftWithPdf(learnerA.id);
		await draftWithPdf(learnerA.id);
		const submission = findSubmission(learnerA.id, ITEM_ID)!;
		expect(listDraftFiles(submission.id).map((file) => file.originalName)).toEqual([
			'auftrag.pdf',
			'auftrag (2).pdf'
		]);
		// A revision carries the files back into the draft; a corrected upload stays apart from them.
		submitDraft(learnerA.id, assignment(), 'cohort1');
		const [version] = listHistory(submission.id, []);
		await reviewVersion(trainer1, {
			submissionId: submission.id,
			versionId: version!.id,
			decision: 'revision_requested',
			feedback: '',
			ratings
		});
		await draftWithPdf(learnerA.id);
		expect(listDraftFiles(submission.id).map((file) => file.originalName)).toEqual([
			'auftrag.pdf',
			'auftrag (2).pdf',
			'auftrag (3).pdf'
		]);
	});

	it('records no review when the files for the revision cannot be copied', async () => {
		const { learnerA, trainer1 } = people;
		const storedName = await draftWithPdf(learnerA.id);
		submitDraft(learnerA.id, assignment(), 'cohort1');
		const submission = findSubmission(learnerA.id, ITEM_ID)!;
		const [version] = listHistory(submission.id, []);
		// The stored file is gone (a broken or unwritable upload folder): copying fails.
		await deleteStoredUpload(storedName);
		const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const result = await reviewVersion(trainer1, {
			submissionId: submission.id,
			versionId: version!.id,
			decision: 'revision_requested',
			feedback: 'Bitte ergänzen',
			ratings
		});
		expect(log).toHaveBeenCalledTimes(1);
		log.mockRestore();
		expect(result).toEqual({ ok: false, reason: 'storage' });
		expect(findSubmission(learnerA.id, ITEM_ID)!.status).toBe('submitted');
		expect(getDb().select().from(reviews).all()).toEqual([]);
	});

	it('records completion on submit for an optional assignment', () => {
		const optional = assignment(
			'probe-verwaltung/verwaltungsverfahren/praxisaufgabe-bescheid-erklaeren'
		);
		const { learnerA } = people;
		saveDraft(learnerA.id, optional, null, 'Mein Text');
		expect(submitDraft(learnerA.id, optional, null).ok).toBe(true);
		const events = getDb()
			.select()
			.from(completionEvents)
			.where(eq(completionEvents.itemId, optional.id))
			.all();
		expect(events.map((event) => event.source)).toEqual(['assignment_submitted']);
		expect(countUnread(people.admin.id)).toBe(1);
	});
});

describe('who may see a submission', () => {
	it('lets the learner, the cohort trainer and admins read it, no one else', () => {
		const { learnerA, learnerB, trainer1, trainer2, admin } = people;
		submitAs(learnerA.id, 'Text');
		const submission = findSubmission(learnerA.id, ITEM_ID)!;
		expect(canReadSubmission(learnerA, submission)).toBe(true);
		expect(canReadSubmission(trainer1, submission)).toBe(true);
		expect(canReadSubmission(admin, submission)).toBe(true);
		expect(canReadSubmission(learnerB, submission)).toBe(false);
		expect(canReadSubmission(trainer2, submission)).toBe(false);
		expect(canReviewSubmission(learnerA, submission)).toBe(false);
		expect(canReviewSubmission(trainer1, submission)).toBe(true);
	});

	it('shows trainers only their cohorts in the review queue', () => {
		const { learnerA, learnerB, trainer1, trainer2, admin } = people;
		submitAs(learnerA.id, 'A');
		submitAs(learnerB.id, 'B', 'cohort2');
		const names = (user: typeof trainer1, cohortId?: string) =>
			listReviewQueue(user, { status: 'submitted', page: 1, cohortId }).rows.map(
				(row) => row.learnerName
			);
		expect(names(trainer1)).toEqual(['a']);
		expect(names(trainer2)).toEqual(['b']);
		expect(names(trainer1, 'cohort2')).toEqual([]);
		expect(names(admin)).toEqual(['a', 'b']);
		expect(names(learnerA)).toEqual([]);
	});
});
