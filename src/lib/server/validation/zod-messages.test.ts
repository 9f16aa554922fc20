import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm } from './form';
// Loaded by the server hook in the app; here directly.
import './zod-messages';

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
};
const firstMessage = (schema: z.ZodType, input: unknown) =>
	schema.safeParse(input).error?.issues[0]?.message;

describe('messages for what a schema did not word itself', () => {
	const schema = z.object({
		title: z.string().trim().max(5),
		name: z.string().min(1),
		code: z.string().min(3),
		kind: z.enum(['a', 'b']),
		email: z.email(),
		count: z.coerce.number().int().min(1).max(20_000),
		tags: z.array(z.string()).max(2)
	});
	const valid = {
		title: 'kurz',
		name: 'x',
		code: 'abc',
		kind: 'a',
		email: 'a@example.org',
		count: '3',
		tags: []
	};
	const messageFor = (patch: Record<string, unknown>) =>
		firstMessage(schema, { ...valid, ...patch });

	it('answers a missing field by asking to reload the form', () => {
		expect(messageFor({ title: undefined })).toBe(
			'Diese Angabe fehlt. Bitte laden Sie die Seite neu und senden Sie das Formular erneut.'
		);
		expect(messageFor({ title: 7 })).toBe('Diese Angabe ist ungültig. Bitte prüfen Sie sie.');
	});

	it('words length, number and choice limits in German', () => {
		expect(messageFor({ title: 'zu lang' })).toBe('Bitte geben Sie höchstens 5 Zeichen ein.');
		expect(messageFor({ name: '' })).toBe('Bitte füllen Sie dieses Feld aus.');
		expect(messageFor({ code: 'ab' })).toBe('Bitte geben Sie mindestens 3 Zeichen ein.');
		expect(messageFor({ count: '0' })).toBe('Bitte geben Sie mindestens 1 an.');
		expect(messageFor({ count: '20001' })).toBe('Bitte geben Sie höchstens 20.000 an.');
		expect(messageFor({ tags: ['a', 'b', 'c'] })).toBe('Bitte wählen Sie höchstens 2 aus.');
		expect(messageFor({ kind: 'c' })).toBe('Bitte wählen Sie eine der angebotenen Möglichkeiten.');
		expect(messageFor({ email: 'kein-at' })).toBe(
			'Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.'
		);
	});

	it('answers unexpected fields of a strict form', () => {
		expect(firstMessage(z.strictObject({ a: z.string() }), { a: 'x', b: 'y' })).toBe(
			'Das Formular enthält unerwartete Felder. Bitte laden Sie die Seite neu und senden Sie es erneut.'
		);
	});

	it("keeps a schema's own message", () => {
		expect(firstMessage(z.string().min(1, 'eigene Meldung'), '')).toBe('eigene Meldung');
		expect(firstMessage(z.string().max(1, 'eigene Meldung'), 'zu lang')).toBe('eigene Meldung');
	});

	it('reaches the page through parseForm: a form posted without a field', () => {
		const parsed = parseForm(
			form([['name', 'x']]),
			z.object({ name: z.string(), description: z.string().min(1) }),
			'doppelt'
		);
		expect(parsed.success).toBe(false);
		if (parsed.success) return;
		expect(parsed.errors.description).toMatch(/^Diese Angabe fehlt\./);
		expect(Object.values(parsed.errors).join(' ')).not.toMatch(/Invalid|expected|received/);
	});
});
