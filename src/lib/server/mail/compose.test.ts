import { describe, expect, it } from 'vitest';
import { composeMail, ForeignLinkError, neutraliseWebAddresses } from './compose';

const origin = 'https://lernen.example.org';
const base = {
	subject: 'Betreff',
	greeting: 'Guten Tag,',
	paragraphs: ['Erster Absatz.'],
	closing: ['Viele Grüße', 'Ihre Lernplattform'],
	footer: ['Automatisch verschickt.']
};

describe('composing a mail', () => {
	it('writes a plain-text and an HTML part with the same content', () => {
		const mail = composeMail(
			{ ...base, action: { label: 'Öffnen', url: `${origin}/konto` }, quote: 'Zeile 1\nZeile 2' },
			origin,
			'de'
		);
		expect(mail.text).toBe(
			'Guten Tag,\n\nErster Absatz.\n\n> Zeile 1\n> Zeile 2\n\nÖffnen:\nhttps://lernen.example.org/konto\n\nViele Grüße\nIhre Lernplattform\n\n-- \nAutomatisch verschickt.\n'
		);
		expect(mail.html).toContain('<html lang="de" dir="ltr">');
		expect(mail.html).toContain('<title>Betreff</title>');
		expect(mail.html).toContain('<a href="https://lernen.example.org/konto"');
		expect(mail.html).toContain('<blockquote');
	});

	it('escapes what people typed, so a name cannot inject markup', () => {
		const mail = composeMail({ ...base, greeting: 'Guten Tag <b>Eve</b> & "Co",' }, origin, 'de');
		expect(mail.html).toContain('Guten Tag &lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot;,');
		expect(mail.html).not.toContain('<b>Eve</b>');
	});

	it('refuses a link to anywhere but ORIGIN', () => {
		for (const url of [
			'https://evil.example/konto',
			'https://lernen.example.org.evil.example/x',
			'javascript:alert(1)'
		]) {
			expect(() => composeMail({ ...base, action: { label: 'x', url } }, origin, 'de')).toThrow(
				ForeignLinkError
			);
		}
	});

	it('replaces web addresses in text, so mail programs cannot turn them into links', () => {
		expect(
			neutraliseWebAddresses('Siehe https://evil.example/login und www.evil.example', origin)
		).toBe('Siehe […] und […]');
		expect(neutraliseWebAddresses(`Hier: ${origin}/kurse`, origin)).toBe(`Hier: ${origin}/kurse`);
		const mail = composeMail({ ...base, quote: 'Lesen Sie http://phish.example' }, origin, 'de');
		expect(mail.text).not.toContain('phish');
		expect(mail.html).not.toContain('phish');
	});

	it('keeps the subject on one line', () => {
		const mail = composeMail({ ...base, subject: 'Eins\r\nBcc: x@example.org' }, origin, 'de');
		expect(mail.subject).toBe('Eins Bcc: x@example.org');
	});

	it('uses no images, scripts or external styles', () => {
		const mail = composeMail({ ...base, items: [{ text: 'A', url: `${origin}/a` }] }, origin, 'en');
		expect(mail.html).not.toMatch(
			/<img|<script|<link|url\(|https?:\/\/(?!lernen\.example\.org\/)/i
		);
	});
});
