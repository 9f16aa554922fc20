import type { Browser, Page } from '@playwright/test';
import { withDatabase } from './support/database';
import {
	createInvite,
	demo,
	expect,
	expectNoAxeViolations,
	login,
	test,
	uniqueEmail
} from './support/fixtures';

// A cohort's shared link lets anyone register with any address. The account works at once, but
// its address gets no mail but the confirmation link until that link is opened.

test.describe.configure({ timeout: 120_000 });

const PASSWORD = 'Sonnenblume Fahrrad Brücke';
let ipCounter = 0;

async function visitor(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
	ipCounter += 1;
	const context = await browser.newContext({
		locale: 'de-DE',
		viewport: { width: 360, height: 780 },
		extraHTTPHeaders: { 'x-forwarded-for': `10.78.${process.pid % 250}.${ipCounter}` },
		...options
	});
	return context.newPage();
}

async function register(page: Page, link: string, name: string, email: string) {
	await page.goto(link, { waitUntil: 'networkidle' });
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Neues Passwort', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Neues Passwort wiederholen').fill(PASSWORD);
	await page.getByRole('button', { name: 'Konto erstellen' }).click();
}

/** The mails to an address, newest last (the demo keeps them in the outbox, with their text). */
const mailsTo = (address: string) =>
	withDatabase(
		(db) =>
			db
				.prepare(
					'select kind, text_body as text from mail_outbox where to_address = ? order by created_at, rowid'
				)
				.all(address) as { kind: string; text: string }[]
	);

const confirmationLink = (address: string) => {
	const mail = mailsTo(address)
		.filter((row) => row.kind === 'email_address_confirm')
		.at(-1);
	const match = mail?.text.match(/https?:\/\/\S+\/email-bestaetigen\/[a-z2-7]{32}/);
	expect(match, 'a confirmation link in the mail').toBeTruthy();
	return match![0];
};

test('registering through a shared link: the address is confirmed through the mailed link', async ({
	page,
	browser
}) => {
	await login(page, demo.trainer);
	const link = await createInvite(page, { uses: 5 });
	const email = uniqueEmail('geteilt');

	const learner = await visitor(browser);
	await register(learner, link, 'Selin Yıldız', email);
	await expect(learner.getByRole('heading', { level: 1 })).toHaveText('Willkommen, Selin Yıldız');
	const notice = learner.getByRole('region', { name: 'E-Mail-Adresse bestätigen' });
	await expect(notice).toContainText(`Bitte bestätigen Sie Ihre E-Mail-Adresse ${email}`);
	await expect(notice).toContainText('keine Benachrichtigungen per E-Mail');
	expect(mailsTo(email).map((mail) => mail.kind)).toEqual(['email_address_confirm']);
	await expectNoAxeViolations(learner);
	expect(await learner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		360
	);

	// "Link erneut senden" from the overview (which has no client-side code) answers on /konto.
	const first = confirmationLink(email);
	await notice.getByRole('button', { name: 'Link erneut senden' }).click();
	await expect(learner).toHaveURL(/\/konto/);
	await expect(learner.getByRole('status')).toContainText(
		`Wir haben einen neuen Link an ${email} geschickt.`
	);
	await expectNoAxeViolations(learner);
	const second = confirmationLink(email);
	expect(second).not.toBe(first);

	// The link works without being signed in; the older one no longer does.
	const mailbox = await visitor(browser);
	await mailbox.goto(first);
	await expect(mailbox.getByText('ungültig, abgelaufen oder wurde schon benutzt')).toBeVisible();
	await mailbox.goto(second);
	await expect(mailbox.getByRole('heading', { level: 1 })).toHaveText('E-Mail-Adresse bestätigen');
	await expect(mailbox.getByText(`Gehört die E-Mail-Adresse ${email} Ihnen`)).toContainText(
		'„Selin Yıldız“'
	);
	await expectNoAxeViolations(mailbox);
	await mailbox.context().close();

	// Confirmed from a mail program's browser without JavaScript.
	const plain = await visitor(browser, { javaScriptEnabled: false });
	await plain.goto(second);
	await plain.getByRole('button', { name: 'Ja, Adresse bestätigen' }).click();
	await expect(plain.getByRole('status')).toContainText(
		`Ihre E-Mail-Adresse ${email} ist bestätigt.`
	);
	await plain.context().close();

	await learner.goto('/');
	await expect(learner.getByRole('heading', { level: 1 })).toHaveText('Willkommen, Selin Yıldız');
	await expect(learner.getByRole('region', { name: 'E-Mail-Adresse bestätigen' })).toHaveCount(0);
	await learner.goto('/konto');
	await expect(learner.getByRole('button', { name: 'Link erneut senden' })).toHaveCount(0);
	await learner.context().close();
});

test('the owner of an address someone else registered is told to reset the password', async ({
	page,
	browser
}) => {
	await login(page, demo.trainer);
	const link = await createInvite(page, { uses: 5 });
	const email = uniqueEmail('besetzt');
	const squatter = await visitor(browser);
	await register(squatter, link, 'Jemand Anderes', email);
	await expect(squatter.getByRole('heading', { level: 1 })).toContainText('Willkommen');
	await squatter.context().close();

	const owner = await visitor(browser);
	await register(owner, link, 'Echte Inhaberin', email);
	await expect(owner.getByRole('alert').first()).toContainText(
		'Mit dieser E-Mail-Adresse gibt es schon ein Konto.'
	);
	await expect(owner.getByRole('alert').first()).toContainText('„Passwort vergessen?“');
	await owner.context().close();

	// The admins see which address is not confirmed.
	await login(page, demo.admin);
	await page.goto(`/admin/benutzer?suche=${encodeURIComponent(email)}`);
	await expect(page.getByRole('row', { name: /Jemand Anderes/ })).toContainText(
		'E-Mail-Adresse nicht bestätigt'
	);
});
