import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyDraft, readDraftForm } from './draft-form';
import { findSubmission, listDraftFiles, MAX_FILES, submitDraft } from './submissions';
import { assignment, ITEM_ID, twoCohorts } from '$test/unit/assignment-helpers';

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

	it('starts no draft from an empty form, but empties an existing one', async () => {
		expect(await post({ text: '  \n ' })).toEqual({ ok: true, submission: null });
		expect(findSubmission(people.learnerA.id, ITEM_ID)).toBeUndefined();
		await post({ text: 'Erste Fassung' });
		expect((await post({ text: '' })).ok).toBe(true);
		expect(findSubmission(people.learnerA.id, ITEM_ID)!.draftText).toBe('');
	});

	it('starts a draft without text when something is saved with it (a linked Hospitation)', async () => {
		const form = new FormData();
		form.set('text', '');
		const input = await readDraftForm(
			new Request('http://localhost/', { method: 'POST', body: form }),
			assignment()
		);
		if (!input.ok) throw new Error('form refused');
		const result = await applyDraft(people.learnerA.id, assignment(), 'cohort1', input, true);
		expect(result.ok && result.submission).toBeTruthy();
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

	it('stores no more than the limit when 20 files are saved at once', async () => {
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => post({ file: new File([PDF], `teil-${i}.pdf`) }))
		);
		expect(results.filter((result) => result.ok)).toHaveLength(MAX_FILES);
		expect(listDraftFiles(findSubmission(people.learnerA.id, ITEM_ID)!.id)).toHaveLength(MAX_FILES);
		// Files of refused saves are removed again: nothing on disk without a row.
		expect(readdirSync(process.env.UPLOAD_DIR!)).toHaveLength(MAX_FILES);
	});

	it('fails as a whole, with a message and one log line, when the upload folder cannot be written', async () => {
		await post({ text: 'Erste Fassung' });
		const folder = process.env.UPLOAD_DIR!;
		const blocker = join(mkdtempSync(join(tmpdir(), 'uploads-')), 'eine-datei');
		writeFileSync(blocker, 'kein Ordner');
		process.env.UPLOAD_DIR = join(blocker, 'uploads');
		const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			const result = await post({ text: 'Zweite Fassung', file: new File([PDF], 'a.pdf') });
			expect(result).toMatchObject({ ok: false, status: 503, values: { text: 'Zweite Fassung' } });
			expect(!result.ok && result.errors.datei).toContain('Es wurde nichts geändert');
			const submission = findSubmission(people.learnerA.id, ITEM_ID)!;
			expect(submission.draftText).toBe('Erste Fassung');
			expect(listDraftFiles(submission.id)).toEqual([]);
			expect(log).toHaveBeenCalledTimes(1);
			expect(String(log.mock.calls[0]![0])).toMatch(/UPLOAD_DIR.*ENOTDIR/);
			expect(log.mock.calls[0]).toHaveLength(1);
		} finally {
			log.mockRestore();
			process.env.UPLOAD_DIR = folder;
		}
	});

	it('refuses changes while the submission waits for review', async () => {
		await post({ text: 'Fertig' });
		expect(submitDraft(people.learnerA.id, assignment(), 'cohort1').ok).toBe(true);
		const result = await post({ text: 'Nachträglich' });
		expect(result).toMatchObject({ ok: false, status: 409 });
		expect(findSubmission(people.learnerA.id, ITEM_ID)!.draftText).toBe('Fertig');
	});
});
