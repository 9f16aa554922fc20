import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { COURSE, QUIZ, loginAsFreshLearner, startQuiz } from './support/quiz';

// WCAG 3.1.2 (Language of Parts): with the English interface, German course content must say
// it is German, or screen readers read it with English pronunciation. The fixture courses
// declare `language: de`.
const COURSE_PAGE = `/kurse/${COURSE}`;
const LESSON = `/kurse/${COURSE}/informationen-und-daten/einfuehrung-digcomp`;

/** The language a screen reader uses for an element: that of its closest ancestor with `lang`. */
const languageOf = (locator: Locator) =>
	locator.evaluate((element) => element.closest('[lang]')?.getAttribute('lang') ?? null);

async function switchToEnglish(page: Page) {
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('with the English interface, course content is marked German and the interface English', async ({
	page
}) => {
	await loginAsFreshLearner(page);
	const attempt = await startQuiz(page, QUIZ.m1);
	await switchToEnglish(page);
	await expect(page).toHaveURL(attempt);

	const navigation = page.getByRole('navigation').first();
	expect(await languageOf(navigation)).toBe('en');
	const question = page.locator('fieldset.question').first();
	expect(await languageOf(question.locator('.title'))).toBe('de');
	expect(await languageOf(question.locator('.choice label').first())).toBe('de');
	expect(await languageOf(page.getByRole('heading', { level: 1 }))).toBe('de');
	expect(await languageOf(question.locator('.number'))).toBe('en');
	await expectNoAxeViolations(page);

	await page.goto(COURSE_PAGE);
	expect(await languageOf(page.getByRole('heading', { level: 1 }))).toBe('de');
	const items = page.locator('ol.items a');
	expect(await items.count()).toBeGreaterThan(0);
	for (const item of await items.all()) expect(await languageOf(item)).toBe('de');
	expect(await languageOf(page.getByRole('heading', { level: 2 }).first())).toBe('en');
	expect(await languageOf(page.getByRole('navigation').first())).toBe('en');
	await expectNoAxeViolations(page);

	await page.goto(LESSON);
	expect(await languageOf(page.locator('.lesson-body h2').first())).toBe('de');
	expect(await languageOf(page.getByRole('heading', { level: 1 }))).toBe('de');
	const breadcrumb = page.locator('nav.breadcrumb');
	expect(await languageOf(breadcrumb.getByRole('link').first())).toBe('en');
	expect(await languageOf(breadcrumb.getByRole('link').nth(1))).toBe('de');
	expect(await languageOf(page.locator('#lektion-status button'))).toBe('en');
	await expectNoAxeViolations(page);
});

test('with the German interface, the marked content pages stay free of axe violations', async ({
	page
}) => {
	await loginAsFreshLearner(page);
	await startQuiz(page, QUIZ.m1);
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	expect(await languageOf(page.locator('fieldset.question .title').first())).toBe('de');
	await expectNoAxeViolations(page);
	for (const path of [COURSE_PAGE, LESSON]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
});
