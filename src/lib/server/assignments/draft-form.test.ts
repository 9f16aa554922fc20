import { readdirSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyDraft, readDraftForm } from './draft-form';
import { findSubmission, listDraftFiles, MAX_FILES, submitDraft } from './submissions';
import { assignment, ITEM_ID, twoCohorts } from './test-helpers';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

let people: Awaited<ReturnType<typeof twoCohorts>>;
beforeEach(async () => {
	people = await twoCohorts();
});

async function post(fields: { text?: string; file?: File }) {
	const form = new FormData();
	if (fields.text !== undefined) form.set('text', fields.text);
	form.set('datei', fields.file ?? new File([], ''));
	const input = await readDraftForm(
		new Request('http://localhost/', { method: 'POST', body: form }),
		assignment()
	);
	if (!input.ok) return input;
	return applyDraft(people.learnerA.id, assignment(), 'cohort1', input);
}

describe('saving a draft from the form', () => {
	it('saves the text and stores an uploaded file under a random name', async () => {
		const result = await post({ text: 'Entwurf', file: new File([PDF], 'rolle.pdf') });
		expect(result.ok).toBe(true);
		const submission = findSubmission(people.learnerA.id, ITEM_ID)!;
		expect(submission.draftText).toBe('Entwurf');
		expect(listDraftFiles(submission.id)).toMatchObject([
			{ originalName: 'rolle.pdf', mimeType: 'application/pdf', size: PDF.byteLength }
		]);
		expect(readdirSync(process.env.UPLOAD_DIR!)).toHaveLength(1);
	});

	it('treats an empty file input as no file', async () => {
		expect((await post({ text: 'Nur Text' })).ok).toBe(true);
		expect(listDraftFiles(findSubmission(people.learnerA.id, ITEM_ID)!.id)).toEqual([]);
	});

	it('changes nothing when the upload is refused, and keeps the typed text for the form', async () => {
		await post({ text: 'Erste Fassung' });
		const result = await post({ text: 'Neu', file: new File(['kein pdf'], 'tarnung.pdf') });
		expect(result).toMatchObject({ ok: false, status: 400, values: { text: 'Neu' } });
		expect(!result.ok && result.errors.datei).toContain('passt nicht zur Dateiendung');
		expect(findSubmission(people.learnerA.id, ITEM_ID)!.draftText).toBe('Erste Fassung');
		expect(readdirSync(process.env.UPLOAD_DIR!)).toEqual([]);
	});

	it('refuses a text over the limit and a zero-byte file with German messages', async () => {
		const long = await post({ text: 'x'.repeat(20_001) });
		expect(!long.ok && long.errors.text).toContain('zu lang');
		const empty = await post({ text: 'a', file: new File([], 'leer.pdf') });
		expect(!empty.ok && empty.errors.datei).toContain('ist leer');
	});

	it('limits the number of files', async () => {
		for (let i = 0; i < MAX_FILES; i++) {
			expect((await post({ file: new File([PDF], `teil-${i}.pdf`) })).ok).toBe(true);
		}
		const result = await post({ file: new File([PDF], 'zu-viel.pdf') });
		expect(!result.ok && result.errors.datei).toContain('höchstens 10 Dateien');
	});

	it('refuses changes while the submission waits for review', async () => {
		await post({ text: 'Fertig' });
		expect(submitDraft(people.learnerA.id, assignment(), 'cohort1').ok).toBe(true);
		const result = await post({ text: 'Nachträglich' });
		expect(result).toMatchObject({ ok: false, status: 409 });
		expect(findSubmission(people.learnerA.id, ITEM_ID)!.draftText).toBe('Fertig');
	});
});
