import { demo, expect, expectNoAxeViolations, login, test } from './support/fixtures';

test.use({ viewport: { width: 360, height: 740 } });

test('learners look up a term, search it by its translation and follow it to a lesson', async ({
	page
}) => {
	await login(page, demo.learner);
	// On a phone the links sit in the Menü disclosure.
	await page.locator('summary', { hasText: 'Menü' }).click();
	await page.getByRole('link', { name: 'Glossar' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Glossar' })).toBeVisible();

	const bescheid = page
		.locator('.entry')
		.filter({ has: page.getByRole('term').getByText('Bescheid', { exact: true }) });
	await expect(bescheid).toContainText('Ein Brief, in dem eine Behörde verbindlich entscheidet');
	await expect(bescheid.locator('[lang="tr"]')).toHaveText('resmî karar (tebligat)');
	await expect(bescheid.locator('[lang="ar"]')).toHaveAttribute('dir', 'auto');
	await expectNoAxeViolations(page);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);

	await page.getByLabel('Begriff suchen').fill('itiraz');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await expect(page).toHaveURL(/suche=itiraz/);
	await expect(page.getByRole('status')).toHaveText(/^1 von \d+ Begriffen$/);
	await expect(page.getByRole('term')).toHaveText(['Widerspruch']);

	await page.getByLabel('Begriff suchen').fill('Behorde Widerspruch gibt es nicht');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await expect(
		page.getByText('Kein Begriff passt zu „Behorde Widerspruch gibt es nicht“.')
	).toBeVisible();

	// The link leads to the lesson; a learner not (yet) enrolled in its course gets the course page.
	await page.goto('/glossar?suche=Rechtsbehelfsbelehrung');
	const lesson = page.getByRole('link', { name: /\(Probekurs Verwaltung/ }).first();
	const href = (await lesson.getAttribute('href'))!;
	expect(href).toMatch(/^\/kurse\/[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+$/);
	const lessonTitle = (await lesson.textContent())!.replace(/ \(.*\)$/, '').trim();
	await lesson.click();
	await expect(page).toHaveURL(new RegExp(`^[^?]*${href.split('/').slice(0, 3).join('/')}`));
	const heading = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
	expect([lessonTitle, 'Probekurs Verwaltung (sequenziell)']).toContainEqual(heading);
});
