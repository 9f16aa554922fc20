import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import { useFreshDatabase } from '$test/unit/test-database';
import { enrol, makeCohort, makeUser } from '$test/unit/certificates';
import {
	createEntry,
	deleteEntry,
	getOwnEntry,
	journalAsMarkdown,
	journalEntrySchema,
	listEntries,
	promptForItem,
	setShared,
	sharedInCohort,
	sharedWith,
	updateEntry
} from './entries';

const COURSE = 'probe-ikbo';
const LESSON = `${COURSE}/rolle-und-auftrag/idee-und-rolle`;

useFreshDatabase();

const asSession = (user: { id: string; name: string; email: string; role: SessionUser['role'] }) =>
	({ id: user.id, name: user.name, email: user.email, role: user.role }) satisfies SessionUser;

let learner: SessionUser;
let other: SessionUser;
let trainer: SessionUser;
let strangerTrainer: SessionUser;
let cohortId: string;

beforeAll(async () => {
	const admin = asSession(await makeUser('Jonas Admin', 'admin'));
	learner = asSession(await makeUser('Lina Lernend'));
	other = asSession(await makeUser('Omar Anders'));
	trainer = asSession(await makeUser('Tina Trainerin', 'trainer'));
	strangerTrainer = asSession(await makeUser('Fritz Fremd', 'trainer'));
	cohortId = makeCohort(admin.id, trainer.id, 'Botschafter*innen 2027', COURSE);
	makeCohort(admin.id, strangerTrainer.id, 'Anderer Lehrgang', COURSE);
	enrol(learner.id, COURSE, cohortId);
});

describe('the learning journal', () => {
	it('takes a lesson’s reflection question with the entry', () => {
		const prompt = promptForItem(LESSON);
		expect(prompt).toMatchObject({ courseId: COURSE, itemId: LESSON });
		expect(prompt!.prompt).toMatch(/^An welcher Stelle/);
		expect(promptForItem('gibt/es/nicht')).toBeNull();
		const id = createEntry(learner.id, { body: 'Beim Bürgeramt.', itemId: LESSON });
		expect(getOwnEntry(learner.id, id)).toMatchObject({
			courseId: COURSE,
			prompt: prompt!.prompt,
			sharedAt: null
		});
	});

	it('is private: nobody else reads, changes or deletes an entry', () => {
		const id = createEntry(learner.id, { body: 'Nur für mich.', itemId: '' });
		expect(getOwnEntry(other.id, id)).toBeUndefined();
		expect(updateEntry(other.id, id, 'übernommen')).toBe(false);
		expect(deleteEntry(other.id, id)).toBe(false);
		expect(setShared(other.id, id, true)).toEqual({ ok: false, reason: 'not_found' });
		expect(sharedWith(trainer, learner.id).map((entry) => entry.id)).not.toContain(id);
		expect(listEntries(other.id).total).toBe(0);
	});

	it('is shared only with the trainers of the learner’s cohort, and can be taken back', () => {
		const id = createEntry(learner.id, { body: 'Zum Teilen.', itemId: LESSON });
		expect(sharedInCohort(trainer, learner.id, cohortId)).toHaveLength(0);
		expect(setShared(learner.id, id, true)).toEqual({ ok: true });
		expect(sharedInCohort(trainer, learner.id, cohortId).map((entry) => entry.body)).toEqual([
			'Zum Teilen.'
		]);
		expect(sharedWith(strangerTrainer, learner.id)).toHaveLength(0);
		expect(sharedWith(other, learner.id)).toHaveLength(0);
		setShared(learner.id, id, false);
		expect(sharedInCohort(trainer, learner.id, cohortId)).toHaveLength(0);
	});

	it('refuses to share an entry without a course: there is nobody to share it with', () => {
		const id = createEntry(learner.id, { body: 'Allgemein.', itemId: '' });
		expect(setShared(learner.id, id, true)).toEqual({ ok: false, reason: 'no_cohort' });
	});

	it('exports the whole journal as Markdown with the questions quoted', () => {
		const markdown = journalAsMarkdown(learner.id, (date) => date.toISOString().slice(0, 10));
		expect(markdown).toMatch(/^# Mein Lerntagebuch/);
		expect(markdown).toContain('> An welcher Stelle');
		expect(markdown).toContain('Nur für mich.');
		expect(journalAsMarkdown(other.id, String)).not.toContain('Nur für mich.');
	});

	it('needs some text and keeps entries below the limit', () => {
		expect(journalEntrySchema().safeParse({ body: '   ' }).success).toBe(false);
		expect(journalEntrySchema().safeParse({ body: 'x'.repeat(20_001) }).success).toBe(false);
		expect(journalEntrySchema().parse({ body: ' a\r\nb ' })).toEqual({ body: 'a\nb', itemId: '' });
	});
});
