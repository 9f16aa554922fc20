import type { Browser, Page } from '@playwright/test';
import { expect, login } from './fixtures';
import { createCohort as createCohortOf, createUser } from './database';

// The IKBO probe course's first Praxisaufgabe, and the people and steps its specs share.

export const COURSE = 'probe-ikbo';
export const MODULE = `${COURSE}/rolle-und-auftrag`;
export const ITEM = `${MODULE}/praxisaufgabe-auftragsgespraech`;
export const PAGE = `/aufgaben/${ITEM}`;
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

const createCohort = (trainerId: string, learnerIds: string[]) =>
	createCohortOf(COURSE, trainerId, learnerIds);

/** Two cohorts of the IKBO course, each with its own trainer and learner. */
export function twoCohorts() {
	const learnerA = createUser('learner', 'Lea Alpha');
	const learnerB = createUser('learner', 'Ben Beta');
	const trainer1 = createUser('trainer', 'Tina Eins');
	const trainer2 = createUser('trainer', 'Tom Zwei');
	createCohort(trainer1.id, [learnerA.id]);
	createCohort(trainer2.id, [learnerB.id]);
	return { learnerA, learnerB, trainer1, trainer2 };
}

export async function signedIn(browser: Browser, baseURL: string, email: string): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		locale: 'de-DE',
		extraHTTPHeaders: {
			'x-forwarded-for': `10.99.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
		}
	});
	const page = await context.newPage();
	await login(page, email);
	return page;
}

export async function submitWork(page: Page) {
	await page.getByRole('button', { name: 'Einreichen …' }).click();
	await expect(page.getByRole('heading', { name: 'Wirklich einreichen?' })).toBeVisible();
	await page.getByRole('button', { name: 'Ja, jetzt einreichen' }).click();
	await expect(
		page.getByText('Vielen Dank! Ihre Einreichung ist bei Ihrer Kursleitung angekommen.')
	).toBeVisible();
	await expect(page.getByText('Eingereicht – wartet auf Rückmeldung').first()).toBeVisible();
}

export async function fillReview(
	page: Page,
	decision: 'Annehmen' | 'Überarbeitung erbitten',
	feedback: string,
	rate = true
) {
	const criteria = page
		.locator('form[action="?/review"] fieldset')
		.filter({ has: page.getByText('teilweise erfüllt') });
	await expect(criteria).toHaveCount(4);
	const rating = decision === 'Annehmen' ? 'erfüllt' : 'teilweise erfüllt';
	for (let index = 0; rate && index < 4; index++) {
		await criteria.nth(index).getByLabel(rating, { exact: true }).check();
	}
	await page.getByLabel('Gesamtrückmeldung').fill(feedback);
	await page.getByLabel(decision).check();
	await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
	if (decision !== 'Annehmen') return;
	// Accepting is final: the form asks once more, with everything typed still in it.
	await expect(page.locator(':focus')).toContainText('endgültig annehmen?');
	await expect(page.getByLabel('Gesamtrückmeldung')).toHaveValue(feedback);
	await page.getByRole('button', { name: 'Ja, endgültig annehmen' }).click();
}

export async function review(
	page: Page,
	decision: 'Annehmen' | 'Überarbeitung erbitten',
	feedback: string,
	rate = true
) {
	await fillReview(page, decision, feedback, rate);
	await expect(page.getByText('Ihre Rückmeldung wurde gespeichert.')).toBeVisible();
}
