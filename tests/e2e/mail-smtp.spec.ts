import type { Browser, Page } from '@playwright/test';
import { startApp, type AppServer } from '../support/app-server';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink';
import { demo, expect, login, test, uniqueEmail } from './support/fixtures';

// A second app, configured with SMTP_URL, sends to a real SMTP server in this test process; the
// browser follows the links from the mails that arrive.

const NEW_PASSWORD = 'Sonnenblume Fahrrad Brücke';
let app: AppServer;
let sink: SmtpSink;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
	test.slow();
	sink = await startSmtpSink(6531);
	app = await startApp({
		port: 4571,
		env: { SMTP_URL: sink.url, MAIL_FROM: 'Lernplattform <lernen@traeger.example>' }
	});
});
test.afterAll(async () => {
	await app?.stop();
	await sink?.close();
});

async function open(browser: Browser, ip: string): Promise<Page> {
	const context = await browser.newContext({
		baseURL: app.url,
		locale: 'de-DE',
		extraHTTPHeaders: { 'x-forwarded-for': ip }
	});
	return context.newPage();
}

async function mailTo(address: string): Promise<ReceivedMail> {
	await expect
		.poll(() => sink.received.some((mail) => mail.to.includes(address)), { timeout: 30_000 })
		.toBe(true);
	return sink.received.findLast((mail) => mail.to.includes(address))!;
}

const linkIn = (mail: ReceivedMail, path: string) => {
	const match = mail.parsed.text?.match(new RegExp(`${app.url}${path}/[a-z2-7]{32}`));
	expect(match, `a ${path} link to ${app.url}`).not.toBeNull();
	return match![0];
};

test('an invitation arrives by SMTP and its link registers the new learner', async ({
	browser
}) => {
	const admin = await open(browser, '10.88.0.1');
	await login(admin, demo.admin);
	const invitee = uniqueEmail('smtp');
	await admin.goto('/einladungen');
	await admin.getByLabel('E-Mail-Adresse (optional)').fill(invitee);
	await admin.getByRole('button', { name: 'Einladungslink erstellen' }).click();
	await expect(
		admin.getByText(`Die Einladung ist per E-Mail an ${invitee} unterwegs.`)
	).toBeVisible();

	const mail = await mailTo(invitee);
	expect(mail.parsed.subject).toBe('Jonas Admin lädt Sie zur Lernplattform ein');
	expect(mail.parsed.from?.value).toEqual([
		{ name: 'Lernplattform', address: 'lernen@traeger.example' }
	]);
	expect(mail.messageId).toMatch(/^<[a-z2-7]{16}@localhost>$/);
	expect(mail.parsed.date).toBeInstanceOf(Date);
	// Every link in the HTML part leads to this instance.
	for (const [, href] of (mail.parsed.html || '').matchAll(/href="([^"]+)"/g)) {
		expect(href!.startsWith(`${app.url}/`)).toBe(true);
	}

	const visitor = await open(browser, '10.88.0.2');
	await visitor.goto(linkIn(mail, '/registrieren'), { waitUntil: 'networkidle' });
	await visitor.getByLabel('Name').fill('Sina Smtp');
	// The invitation is bound to the address: the field shows it and cannot be changed.
	await expect(visitor.getByLabel('E-Mail-Adresse')).toHaveValue(invitee);
	await visitor.getByLabel('Neues Passwort', { exact: true }).fill(NEW_PASSWORD);
	await visitor.getByLabel('Neues Passwort wiederholen').fill(NEW_PASSWORD);
	await visitor.getByRole('button', { name: 'Konto erstellen' }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Willkommen, Sina Smtp');
	await admin.context().close();
	await visitor.context().close();
});

test('a reset link arrives by SMTP, sets a new password once, and the new password logs in', async ({
	browser
}) => {
	const visitor = await open(browser, '10.88.0.3');
	await visitor.goto('/passwort-vergessen', { waitUntil: 'networkidle' });
	await visitor.getByLabel('E-Mail-Adresse').fill(demo.learner);
	await visitor.getByRole('button', { name: 'Link anfordern' }).click();
	await expect(visitor.getByRole('status')).toContainText(
		'Wenn es zu dieser Adresse ein Konto gibt'
	);

	const mail = await mailTo(demo.learner);
	expect(mail.parsed.subject).toBe('Passwort zurücksetzen');
	const link = linkIn(mail, '/passwort-zuruecksetzen');
	await visitor.goto(link, { waitUntil: 'networkidle' });
	await visitor.getByLabel('Neues Passwort', { exact: true }).fill(NEW_PASSWORD);
	await visitor.getByLabel('Neues Passwort wiederholen').fill(NEW_PASSWORD);
	await visitor.getByRole('button', { name: 'Passwort speichern' }).click();
	await expect(visitor.getByText('Ihr neues Passwort ist gespeichert.')).toBeVisible();
	await login(visitor, demo.learner, NEW_PASSWORD);

	// Single use: the same link now explains itself.
	await visitor.goto(link);
	await expect(visitor.getByText('Dieser Link zum Zurücksetzen ist ungültig')).toBeVisible();
	await visitor.context().close();
});
