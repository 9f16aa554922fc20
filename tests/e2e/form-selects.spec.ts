import { demo, expect, expectNoAxeViolations, login, test } from './support/fixtures';

// A choice in a drop-down list survives refused submits with JavaScript: the page sets the
// list's value, not only the options' `selected` attribute, which the browser ignores once the
// person has chosen (and then falls back to the first option).
test('an invitation keeps its cohort through two refused submits', async ({ page }) => {
	await login(page, demo.trainer);
	await page.goto('/einladungen', { waitUntil: 'networkidle' });
	const cohort = page.getByLabel('Lehrgang (optional)');
	await cohort.selectOption({ index: 1 });
	const chosen = await cohort.inputValue();
	expect(chosen).not.toBe('');
	const email = page.getByLabel('E-Mail-Adresse (optional)');
	for (const typed of ['kaputt@', 'x@']) {
		await email.fill(typed);
		await page.getByRole('button', { name: 'Einladungslink erstellen' }).click();
		await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse');
		await expect(email).toHaveValue(typed);
		await expect(cohort).toHaveValue(chosen);
	}
	await expectNoAxeViolations(page);
});
