import { describe, expect, it } from 'vitest';
import { loadMailConfig } from './config';

const env = (extra: Record<string, string>) => ({ ORIGIN: 'https://lernen.example.org', ...extra });

describe('mail configuration', () => {
	it('without SMTP_URL keeps mails as files next to the database', () => {
		const config = loadMailConfig(env({ DATABASE_PATH: '/srv/lp/db.sqlite' }));
		expect(config.transport).toEqual({ kind: 'file' });
		expect(config.mailDir).toBe('/srv/lp/mail');
		expect(config.from).toBe('Lernplattform <noreply@lernen.example.org>');
		expect(config.problems).toEqual([]);
	});

	it('reads host, port, TLS and login from SMTP_URL; separate variables win', () => {
		const config = loadMailConfig(
			env({ SMTP_URL: 'smtps://post%40traeger.de:geh%3Aeim@mail.traeger.de' })
		);
		expect(config.transport).toMatchObject({
			kind: 'smtp',
			options: {
				host: 'mail.traeger.de',
				port: 465,
				secure: true,
				auth: { user: 'post@traeger.de', pass: 'geh:eim' }
			},
			display: 'smtps://post@traeger.de@mail.traeger.de:465'
		});
		const separate = loadMailConfig(
			env({ SMTP_URL: 'smtp://mail.traeger.de', SMTP_USER: 'u', SMTP_PASSWORD: 'p' })
		);
		expect(separate.transport).toMatchObject({
			options: { port: 587, secure: false, auth: { user: 'u', pass: 'p' } }
		});
	});

	it('never shows the password', () => {
		const config = loadMailConfig(env({ SMTP_URL: 'smtp://u:streng-geheim@mail.example.org:25' }));
		expect(
			JSON.stringify({ ...config, transport: { ...config.transport, options: undefined } })
		).not.toContain('streng-geheim');
	});

	it('reports a broken SMTP_URL or MAIL_FROM instead of throwing, and keeps mails queued', () => {
		expect(loadMailConfig(env({ SMTP_URL: 'kein url' }))).toMatchObject({
			transport: { kind: 'invalid' },
			problems: [{ code: 'smtp_url_invalid' }]
		});
		expect(loadMailConfig(env({ SMTP_URL: 'http://mail.example.org' })).problems).toEqual([
			{ code: 'smtp_url_protocol', protocol: 'http:' }
		]);
		expect(loadMailConfig(env({ MAIL_FROM: 'Lernplattform' })).problems).toEqual([
			{ code: 'from_invalid', from: 'Lernplattform' }
		]);
		expect(loadMailConfig({ PORT: '3000' }).problems).toEqual([
			{ code: 'origin_missing', origin: 'http://localhost:3000' }
		]);
	});
});
