import { describe, expect, it } from 'vitest';
import { checkFileName, checkUpload, MIB } from './upload-checks';

const rules = { types: ['pdf', 'docx', 'odt'] as const, maxMB: 1 };
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const png = Uint8Array.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
	0, 0, 0, 1, 8, 2, 0, 0, 0
]);
const check = (name: string, bytes: Uint8Array) =>
	checkUpload({ name, bytes }, { types: [...rules.types], maxMB: rules.maxMB });

describe('upload checks', () => {
	it('accepts a PDF whose content and extension agree', async () => {
		expect(await check('Rollenbeschreibung Ümit.pdf', pdf)).toEqual({
			ok: true,
			name: 'Rollenbeschreibung Ümit.pdf',
			type: 'pdf',
			mime: 'application/pdf'
		});
		expect((await check('AUFTRAG.PDF', pdf)).ok).toBe(true);
	});

	it('rejects an empty file', async () => {
		expect(await check('leer.pdf', new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
	});

	it('rejects a file over the limit', async () => {
		const big = new Uint8Array(MIB + 1);
		big.set(pdf);
		expect(await check('gross.pdf', big)).toEqual({ ok: false, problem: 'too_large' });
	});

	it('rejects content that does not match the extension', async () => {
		const text = new TextEncoder().encode('<script>alert(1)</script>');
		expect(await check('harmlos.pdf', text)).toEqual({ ok: false, problem: 'content_mismatch' });
		expect(await check('bild.pdf', png)).toEqual({ ok: false, problem: 'content_mismatch' });
		expect(await check('tarnung.docx', pdf)).toEqual({ ok: false, problem: 'content_mismatch' });
	});

	it('rejects extensions the assignment does not allow, even with matching content', async () => {
		expect(await check('foto.png', png)).toEqual({ ok: false, problem: 'type_not_allowed' });
		expect(await check('skript.exe', pdf)).toEqual({ ok: false, problem: 'type_not_allowed' });
		expect(await check('ohne-endung', pdf)).toEqual({ ok: false, problem: 'type_not_allowed' });
	});

	it('rejects path traversal and control characters in names', () => {
		for (const name of [
			'../../etc/passwd.pdf',
			'..\\..\\boot.pdf',
			'a/b.pdf',
			'.versteckt.pdf',
			'name\u0000.pdf',
			'zeilen\numbruch.pdf',
			'   '
		]) {
			expect(checkFileName(name, ['pdf'])).toEqual({ ok: false, problem: 'name_invalid' });
		}
	});

	it('strips bidi controls, so a name cannot pose as another on trainer pages', () => {
		expect(checkFileName('Bericht\u202Egpj.pdf', ['pdf'])).toEqual({
			ok: true,
			name: 'Berichtgpj.pdf',
			type: 'pdf'
		});
		expect(checkFileName('\u2067Bericht\u2069.pdf', ['pdf'])).toMatchObject({
			name: 'Bericht.pdf'
		});
	});

	it('rejects names longer than 120 characters', () => {
		expect(checkFileName(`${'a'.repeat(117)}.pdf`, ['pdf'])).toEqual({
			ok: false,
			problem: 'name_too_long'
		});
		expect(checkFileName(`${'a'.repeat(116)}.pdf`, ['pdf']).ok).toBe(true);
	});

	it('treats .jpeg as jpg', () => {
		expect(checkFileName('foto.jpeg', ['jpg'])).toEqual({
			ok: true,
			name: 'foto.jpeg',
			type: 'jpg'
		});
	});
});
