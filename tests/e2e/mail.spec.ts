import type { Browser, Page } from '@playwright/test';
import {
	createInvite,
	demo,
	expect,
	expectNoAxeViolations,
	login,
	test,
	uniqueEmail
} from './support/fixtures';
import { withDatabase } from './support/database';

// The demo runs without a mail server: every mail is kept, and admins read it in the Postausgang.

// Each journey spans several people and pages (and argon2 logins on two shared cores).
test.describe.configure({ timeout: 180_000 });

const NEW_PASSWORD = 'Sonnenblume Fahrrad Brücke';
const base32 = 'abcdefghijklmnopqrstuvwxyz234567';
const randomId = () =>
	Array.from({ length: 16 }, () => base32[Math.floor(Math.random() * 32)]).join('');

/** A learner with the demo password (its hash copied from the demo learner). */
function createLearner(name: string) {
	const email = uniqueEmail('post');
	const id = randomId();
	withDatabase((db) => {
		const { hash } = db
			.prepare('select password_hash as hash from users where email = ?')
			.get(demo.learner) as { hash: string };
		db.prepare(
			"insert into users (id, email, name, password_hash, role, email_confirmed_at) values (?, ?, ?, ?, 'learner', ?)"
		).run(id, email, name, hash, Date.now());
	});
	return { id, email, name };
}

async function newPage(browser: Browser, baseURL: string, ip: string): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		locale: 'de-DE',
		extraHTTPHeaders: { 'x-forwarded-for': ip }
	});
	return context.newPage();
}

/** Opens the newest mail to `to` in the Postausgang (once the worker has kept it). */
async function openMail(admin: Page, to: string, subject: string | RegExp) {
	await admin.goto('/admin/postausgang');
	const row = admin.getByRole('row').filter({ hasText: to }).filter({ hasText: subject });
	await expect(async () => {
		await admin.reload();
		await expect(row.first()).toContainText('abgelegt (kein Mailserver)', { timeout: 1000 });
	}).toPass();
	await row.first().getByRole('link').click();
	await expect(admin.getByRole('heading', { level: 1 })).toContainText(subject);
	return (await admin.locator('pre.body').textContent()) ?? '';
}

const linkIn = (text: string, path: string) => {
	const match = text.match(new RegExp(`https?://\\S+${path}/[a-z2-7]{32}`));
	expect(match, `a ${path} link in the mail`).not.toBeNull();
	return match![0];
};

test('an admin reads an invitation in the Postausgang and its link opens the registration', async ({
	page,
	browser,
	baseURL
}) => {
	await login(page, demo.admin);
	const invitee = uniqueEmail('eingeladen');
	await createInvite(page, { email: invitee });
	await expect(
		page.getByText(`Die Einladung ist per E-Mail an ${invitee} unterwegs.`)
	).toBeVisible();

	await page.goto('/admin/postausgang');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Postausgang');
	await expect(page.getByText('Es ist kein Mailserver eingerichtet')).toBeVisible();
	const body = await openMail(page, invitee, 'Jonas Admin lädt Sie zur Lernplattform ein');
	expect(body).toContain('Jonas Admin hat Sie zur Lernplattform eingeladen');
	expect(body).toMatch(/Der Link gilt bis \d{2}\.\d{2}\.\d{4}/);
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await page.goto('/admin/postausgang');
	await expectNoAxeViolations(page);

	const visitor = await newPage(browser, baseURL!, '10.77.0.1');
	await visitor.goto(linkIn(body, '/registrieren'));
	await expect(visitor.getByText('Sie wurden als Lernende*r eingeladen.')).toBeVisible();
	await visitor.context().close();
});

test('Passwort vergessen: same answer for every address; the mailed link sets a new password', async ({
	page,
	browser,
	baseURL
}) => {
	const learner = createLearner('Vera Vergessen');
	const visitor = await newPage(browser, baseURL!, '10.77.0.2');
	await visitor.goto('/anmelden', { waitUntil: 'networkidle' });
	await visitor.getByRole('link', { name: 'Passwort vergessen?' }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Passwort vergessen');
	await visitor.getByLabel('E-Mail-Adresse').fill(learner.email);
	await visitor.getByRole('button', { name: 'Link anfordern' }).click();
	const answer = visitor.getByRole('status');
	await expect(answer).toContainText('Wenn es zu dieser Adresse ein Konto gibt');
	const knownAnswer = await answer.textContent();
	await expectNoAxeViolations(visitor);

	const stranger = await newPage(browser, baseURL!, '10.77.0.3');
	await stranger.goto('/passwort-vergessen', { waitUntil: 'networkidle' });
	await stranger.getByLabel('E-Mail-Adresse').fill(uniqueEmail('niemand'));
	await stranger.getByRole('button', { name: 'Link anfordern' }).click();
	await expect(stranger.getByRole('status')).toHaveText(knownAnswer!);
	await stranger.context().close();

	await login(page, demo.admin);
	const body = await openMail(page, learner.email, 'Passwort zurücksetzen');
	expect(body).toContain('Der Link gilt 60 Minuten');
	await visitor.goto(linkIn(body, '/passwort-zuruecksetzen'), { waitUntil: 'networkidle' });
	await visitor.getByLabel('Neues Passwort', { exact: true }).fill(NEW_PASSWORD);
	await visitor.getByLabel('Neues Passwort wiederholen').fill(NEW_PASSWORD);
	await visitor.getByRole('button', { name: 'Passwort speichern' }).click();
	await expect(visitor.getByText('Ihr neues Passwort ist gespeichert.')).toBeVisible();
	await login(visitor, learner.email, NEW_PASSWORD);
	await visitor.context().close();
});

test('preference "nie" suppresses that kind of mail; the notification in the platform stays', async ({
	page,
	browser,
	baseURL
}) => {
	const withMail = createLearner('Mia Mail');
	const withoutMail = createLearner('Nina Nie');
	// A cohort whose first practice assignment is due in two days: both get a reminder.
	const dueOn = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
	withDatabase((db) => {
		const cohortId = randomId();
		const trainer = db.prepare('select id from users where email = ?').get(demo.trainer) as {
			id: string;
		};
		db.prepare('insert into cohorts (id, course_id, name, created_by) values (?, ?, ?, ?)').run(
			cohortId,
			'probe-ikbo',
			`Lehrgang ${cohortId.slice(0, 5)}`,
			trainer.id
		);
		db.prepare(
			'insert into cohort_modules (cohort_id, module_id, assignment_due_on) values (?, ?, ?)'
		).run(cohortId, 'probe-ikbo/rolle-und-auftrag', dueOn);
		for (const learner of [withMail, withoutMail]) {
			db.prepare(
				'insert into enrolments (id, user_id, course_id, cohort_id) values (?, ?, ?, ?)'
			).run(randomId(), learner.id, 'probe-ikbo', cohortId);
		}
	});

	const nina = await newPage(browser, baseURL!, '10.77.0.4');
	await login(nina, withoutMail.email);
	await nina.goto('/konto');
	const reminders = nina.getByRole('group', { name: 'Erinnerungen an Abgabetermine' });
	await expect(reminders.getByLabel('sofort')).toBeChecked();
	await reminders.getByLabel('nie').check();
	await nina.getByRole('button', { name: 'Einstellungen speichern' }).click();
	await expect(nina.getByText('Ihre E-Mail-Einstellungen sind gespeichert.')).toBeVisible();
	await expectNoAxeViolations(nina);
	await nina.goto('/benachrichtigungen');
	await expect(nina.getByText(/Erinnerung: „.+“ ist bis .+ abzugeben\./)).toBeVisible();

	const mia = await newPage(browser, baseURL!, '10.77.0.5');
	await login(mia, withMail.email);
	await mia.goto('/benachrichtigungen');
	await expect(mia.getByText(/Erinnerung: „.+“ ist bis .+ abzugeben\./)).toBeVisible();

	await login(page, demo.admin);
	const body = await openMail(page, withMail.email, /^Erinnerung: /);
	expect(body).toContain('Diese E-Mails abbestellen');
	const mailsTo = (email: string) =>
		withDatabase(
			(db) =>
				(
					db.prepare('select count(*) as n from mail_outbox where to_address = ?').get(email) as {
						n: number;
					}
				).n
		);
	expect(mailsTo(withMail.email)).toBe(1);
	expect(mailsTo(withoutMail.email)).toBe(0);

	// Mia stops them with the link from the mail, without signing in.
	const unsubscribe = body.match(/https?:\/\/\S+\/abbestellen\/[a-z2-7]{32}\/erinnerungen/);
	expect(unsubscribe).not.toBeNull();
	const anonymous = await newPage(browser, baseURL!, '10.77.0.6');
	await anonymous.goto(unsubscribe![0]);
	await expect(anonymous.getByText('Erinnerungen an Abgabetermine')).toBeVisible();
	await expectNoAxeViolations(anonymous);
	await anonymous.getByRole('button', { name: 'Abbestellen' }).click();
	await expect(anonymous.getByRole('status')).toHaveText(
		'Erledigt: Diese E-Mails bekommen Sie nicht mehr.'
	);
	await mia.goto('/konto');
	await expect(
		mia.getByRole('group', { name: 'Erinnerungen an Abgabetermine' }).getByLabel('nie')
	).toBeChecked();
	for (const context of [nina, mia, anonymous]) await context.context().close();
});

test('a learner changes their e-mail address; it takes effect only once confirmed from the new one', async ({
	page,
	browser,
	baseURL
}) => {
	const learner = createLearner('Emil Wechsel');
	const newEmail = uniqueEmail('neu');
	const user = await newPage(browser, baseURL!, '10.77.0.7');
	await login(user, learner.email);
	// Typing into the form while it hydrates can lose the input (flaky once on CI).
	await user.goto('/konto', { waitUntil: 'networkidle' });
	await user.getByLabel('Neue E-Mail-Adresse').fill(newEmail);
	await user.getByLabel('Ihr Passwort zur Bestätigung').fill('Falsch-falsch-falsch');
	await user.getByRole('button', { name: 'Bestätigungslink schicken' }).click();
	await expect(user.getByRole('alert')).toContainText('Das aktuelle Passwort ist nicht richtig.');
	await expectNoAxeViolations(user);
	await user.getByLabel('Ihr Passwort zur Bestätigung').fill('Demo-Lernplattform-2026');
	await user.getByRole('button', { name: 'Bestätigungslink schicken' }).click();
	await expect(user.getByRole('status')).toContainText(`Wir haben eine E-Mail an ${newEmail}`);
	await expect(user.getByText(learner.email)).toBeVisible();

	await login(page, demo.admin);
	const body = await openMail(page, newEmail, 'Bitte bestätigen Sie Ihre neue E-Mail-Adresse');
	const confirm = await newPage(browser, baseURL!, '10.77.0.8');
	await confirm.goto(linkIn(body, '/email-bestaetigen'));
	await expect(confirm.getByText(`die E-Mail-Adresse ${newEmail} verwenden`)).toBeVisible();
	await expectNoAxeViolations(confirm);
	await confirm.getByRole('button', { name: 'Ja, Adresse bestätigen' }).click();
	await expect(confirm.getByRole('status')).toContainText(
		`Ihre E-Mail-Adresse ist jetzt ${newEmail}`
	);
	await confirm.context().close();

	const notice = await openMail(page, learner.email, 'Ihre E-Mail-Adresse wurde geändert');
	expect(notice).toContain(newEmail);
	await user.context().close();
	const again = await newPage(browser, baseURL!, '10.77.0.9');
	await login(again, newEmail);
	await again.context().close();
});
