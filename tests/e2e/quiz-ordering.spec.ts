import { layoutProblems } from './support/phone';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { loginAsFreshLearner, question, QUIZ, startQuiz } from './support/quiz';

// Ordering questions with JavaScript: the list that replaces the position selects.

test.describe('ordering steps in a quiz', () => {
	test('moving a step keeps the focus on its button, renumbers the positions and says so', async ({
		page
	}) => {
		await loginAsFreshLearner(page);
		await startQuiz(page, QUIZ.m2);
		const steps = question(page, 6).locator('ol.ordering li');
		await expect(steps).toHaveCount(5);
		const second = (await steps.nth(1).locator('.text').textContent())!.trim();
		await steps
			.nth(1)
			.getByRole('button', { name: /nach oben/ })
			.focus();
		await page.keyboard.press('Enter');

		await expect(steps.nth(0).locator('.text')).toHaveText(second);
		const up = steps.nth(0).getByRole('button', { name: /nach oben/ });
		await expect(up).toBeFocused();
		await expect(up).toHaveAttribute('aria-disabled', 'true');
		await expect(steps.nth(1).getByRole('button', { name: /nach oben/ })).toHaveAttribute(
			'aria-disabled',
			'false'
		);
		const positions = await steps
			.locator('input[type=hidden]')
			.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
		expect(positions).toEqual(['1', '2', '3', '4', '5']);
		await expect(page.getByRole('status')).toHaveText(
			`„${second}“ steht jetzt an Position 1 von 5.`
		);
		// The first step cannot go further up: nothing moves.
		await page.keyboard.press('Enter');
		await expect(steps.nth(0).locator('.text')).toHaveText(second);

		// The list replaces the selects without breaking the page on a phone.
		await page.setViewportSize({ width: 360, height: 740 });
		expect(await layoutProblems(page)).toEqual([]);
		await expectNoAxeViolations(page);
	});

	test('positions chosen in the selects before the script arrives are kept by the list', async ({
		page
	}) => {
		await loginAsFreshLearner(page);
		// A slow connection: the page and its selects are there, the script is not yet.
		let deliver!: () => void;
		const delivered = new Promise<void>((resolve) => (deliver = resolve));
		await page.route('**/ordering-enhance.*.js', async (route) => {
			await delivered;
			await route.continue();
		});
		await startQuiz(page, QUIZ.m2);
		const group = question(page, 6);
		const selects = group.getByRole('combobox');
		await expect(selects).toHaveCount(5);
		const steps = (await group.locator('.order-row label').allTextContents()).map((t) => t.trim());
		for (let index = 0; index < 5; index++) {
			await selects.nth(index).selectOption(String(5 - index));
		}

		deliver();
		await expect(group.locator('ol.ordering')).toBeVisible();
		await expect(group.locator('ol.ordering .text')).toHaveText(steps.toReversed());
		const positions = await group
			.locator('ol.ordering input[type=hidden]')
			.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
		expect(positions).toEqual(['1', '2', '3', '4', '5']);
		await expect(group.getByRole('button', { name: /nach oben/ }).first()).toHaveAttribute(
			'aria-disabled',
			'true'
		);
	});

	test('steps can be reordered by dragging with a pointer', async ({ page }) => {
		await loginAsFreshLearner(page);
		await startQuiz(page, QUIZ.m2);
		const group = question(page, 6);
		const steps = group.locator('ol.ordering li');
		await expect(steps).toHaveCount(5);
		const last = (await steps.nth(4).locator('.text').textContent())!.trim();
		await group.locator('ol.ordering').scrollIntoViewIfNeeded();
		const handle = steps.nth(4).locator('.handle');
		const from = (await handle.boundingBox())!;
		const to = (await steps.nth(0).boundingBox())!;
		await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
		await page.mouse.down();
		await page.mouse.move(from.x + from.width / 2, to.y + 2, { steps: 12 });
		await page.mouse.up();
		await expect(steps.nth(0).locator('.text')).toHaveText(last);
		await expect(steps.nth(0).locator('input[type=hidden]')).toHaveValue('1');
	});

	test('a step moved down at the bottom of the window keeps its focused button in view', async ({
		page
	}) => {
		await page.setViewportSize({ width: 360, height: 640 });
		await loginAsFreshLearner(page);
		await startQuiz(page, QUIZ.m2);
		const steps = question(page, 6).locator('ol.ordering li');
		await expect(steps).toHaveCount(5);
		const down = steps.nth(0).getByRole('button', { name: /nach unten/ });
		// The button sits on the window's lower edge, as when a learner has scrolled to it.
		await down.evaluate((button) => {
			const { bottom } = button.getBoundingClientRect();
			window.scrollBy(0, bottom - window.innerHeight + 2);
		});
		await down.focus();
		for (let press = 0; press < 4; press++) await page.keyboard.press('Enter');

		const moved = steps.nth(4).getByRole('button', { name: /nach unten/ });
		await expect(moved).toBeFocused();
		const box = (await moved.boundingBox())!;
		expect(box.y + box.height).toBeLessThanOrEqual(640);
		expect(box.y).toBeGreaterThanOrEqual(0);
	});
});
