import { describe, expect, it } from 'vitest';
import { renderMail, type MailTemplateInput } from './templates';

const origin = 'https://lernen.example.org';
const samples: MailTemplateInput[] = [
	{
		kind: 'invite',
		inviterName: 'Katrin Weber',
		cohortName: 'IKBO Frühjahr',
		role: 'trainer',
		path: '/registrieren/abc',
		expiresAt: new Date('2026-06-15T10:00:00Z')
	},
	{ kind: 'password_reset', name: 'Aylin', path: '/passwort-zuruecksetzen/abc', validMinutes: 60 },
	{
		kind: 'email_change_confirm',
		name: 'Aylin',
		newEmail: 'neu@example.org',
		path: '/email-bestaetigen/abc',
		validHours: 24
	},
	{ kind: 'email_change_taken' },
	{
		kind: 'password_reset_link_created',
		name: 'Aylin',
		adminName: 'Katrin Weber',
		at: new Date(),
		expiresAt: new Date()
	},
	{ kind: 'password_changed', name: 'Aylin', at: new Date(), how: 'reset' },
	{ kind: 'email_changed', name: 'Aylin', newEmail: 'neu@example.org', at: new Date() },
	{
		kind: 'feedback_received',
		name: 'Aylin',
		trainerName: 'Katrin Weber',
		itemTitle: 'Auftragsgespräch',
		decision: 'accepted',
		excerpt: 'Sehr gut.',
		path: '/aufgaben/a/b/c'
	},
	{
		kind: 'assignment_due',
		name: 'Aylin',
		itemTitle: 'Auftragsgespräch',
		dueOn: '2026-06-09',
		path: '/aufgaben/a/b/c'
	},
	{
		kind: 'submission_to_review',
		name: 'Katrin',
		learnerName: 'Aylin',
		itemTitle: 'Auftragsgespräch',
		path: '/trainer/abgaben/x'
	},
	{
		kind: 'certificate_issued',
		name: 'Aylin',
		courseTitle: 'IKBO',
		documentKind: 'Zertifikat',
		number: 'LP-2026-0001',
		verifyPath: '/verify/ABCD'
	},
	{ kind: 'digest', name: 'Aylin', day: '2026-06-06', items: [{ text: 'Eins', path: '/a' }] },
	{
		kind: 'barrier_report',
		page: '/kurse',
		description: 'Das Video hat keine Untertitel.',
		replyTo: 'melder@example.org'
	}
];
const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);

describe('mail templates', () => {
	for (const input of samples) {
		it(`${input.kind}: German and English, links only to ORIGIN`, () => {
			const unsubscribePath = '/abbestellen/abcdefghijklmnopqrstuvwxyz234567/alle';
			const de = renderMail(input, { locale: 'de', origin, unsubscribePath });
			const en = renderMail(input, { locale: 'en', origin, unsubscribePath });
			expect(de.subject).not.toBe(en.subject);
			expect(de.text).toMatch(/^Guten Tag/);
			expect(en.text).toMatch(/^Hello/);
			expect(en.html).toContain('<html lang="en"');
			for (const href of [...links(de.html), ...links(en.html)])
				expect(href.startsWith(`${origin}/`)).toBe(true);
			const security =
				input.kind === 'invite' ||
				input.kind.startsWith('password_') ||
				input.kind.startsWith('email_');
			expect(de.text.includes('/abbestellen/')).toBe(!security);
			expect(de.text.includes('lässt sich nicht abbestellen')).toBe(
				security && input.kind !== 'invite'
			);
		});
	}

	it('an invitation names who invited, the cohort, the expiry and the registration link', () => {
		const mail = renderMail(samples[0]!, { locale: 'de', origin });
		expect(mail.subject).toBe('Katrin Weber lädt Sie zur Lernplattform ein');
		expect(mail.text).toContain('„IKBO Frühjahr“');
		expect(mail.text).toContain('Trainer');
		expect(mail.text).toMatch(/gilt bis 15\.06\.2026, 12:00/);
		expect(mail.text).toContain(`${origin}/registrieren/abc`);
		// Not a "security mail" to someone who may have no account yet.
		expect(mail.text).not.toContain('Sicherheits-E-Mail');
		expect(mail.text).toContain('weil Sie jemand zur Lernplattform eingeladen hat');
	});

	it('an invitation to an address with an account asks to accept, not to create an account', () => {
		const mail = renderMail({ ...samples[0]!, hasAccount: true } as MailTemplateInput, {
			locale: 'de',
			origin
		});
		expect(mail.text).toContain('Sie haben schon ein Konto');
		expect(mail.text).toContain('Einladung annehmen');
		expect(mail.text).not.toContain('Konto anlegen');
	});

	it('a certificate mail links to the verification page', () => {
		const mail = renderMail(
			samples.find((sample) => sample.kind === 'certificate_issued')!,
			{ locale: 'de', origin }
		);
		expect(mail.text).toContain(`${origin}/verify/ABCD`);
		expect(mail.text).toContain('LP-2026-0001');
	});
});
