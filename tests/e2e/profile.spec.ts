import { createUser, withDatabase } from './support/database';
import { demo, expect, login, test, uniqueEmail } from './support/fixtures';

// Names and addresses can be corrected: a learner changes their own name, an admin corrects name
// and e-mail address of an account, and every change is in the audit log.

const nameOf = (id: string) =>
	withDatabase(
		(db) => (db.prepare('select name from users where id = ?').get(id) as { name: string }).name
	);

test.use({ viewport: { width: 390, height: 844 } });

for (const javaScriptEnabled of [true, false]) {
	test(`a learner changes their name; an empty name changes nothing (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const learner = createUser('learner', 'Nora Name');
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			javaScriptEnabled
		});
		const page = await context.newPage();
		await login(page, learner.email);
		// Typing into a form that is still being hydrated can lose the input.
		await page.goto('/konto', { waitUntil: 'networkidle' });
		const field = page.getByRole('textbox', { name: 'Name' });
		await expect(field).toHaveValue('Nora Name');

		await field.fill('   ');
		await page.getByRole('button', { name: 'Namen speichern' }).click();
		await expect(page.getByRole('alert').first()).toContainText('Bitte geben Sie Ihren Namen ein.');
		expect(nameOf(learner.id)).toBe('Nora Name');

		await page.getByRole('textbox', { name: 'Name' }).fill('Nora Neumann-Name');
		await page.getByRole('button', { name: 'Namen speichern' }).click();
		const saved = page.getByRole('status').filter({ hasText: 'Ihr Name ist gespeichert.' });
		await expect(saved).toBeInViewport();
		await expect(saved).toBeFocused();
		await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Nora Neumann-Name');
		expect(nameOf(learner.id)).toBe('Nora Neumann-Name');
		await context.close();
	});
}

test('an admin corrects name and e-mail address; a taken address is refused; both are audited', async ({
	page
}) => {
	const learner = createUser('learner', 'Tim Tippfehler');
	await login(page, demo.admin);
	await page.goto(`/admin/benutzer/${learner.id}`, { waitUntil: 'networkidle' });
	const section = page.getByRole('region', { name: 'Name und E-Mail-Adresse' });

	await section.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(demo.trainer);
	await section.getByRole('button', { name: 'Änderungen speichern' }).click();
	await expect(page.getByRole('alert').first()).toContainText(
		'gehört schon zu einem anderen Konto'
	);
	await expect(section.getByRole('textbox', { name: 'E-Mail-Adresse' })).toHaveValue(demo.trainer);

	const corrected = uniqueEmail('korrigiert');
	await section.getByRole('textbox', { name: 'Name' }).fill('Tim Tippfehlerfrei');
	await section.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(corrected);
	await section.getByRole('button', { name: 'Änderungen speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Name und E-Mail-Adresse sind gespeichert.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tim Tippfehlerfrei');

	const actions = withDatabase((db) =>
		db
			.prepare(
				'select action, actor_id as actor from audit_log where subject_user_id = ? order by id'
			)
			.all(learner.id)
	) as { action: string; actor: string }[];
	expect(actions.map((entry) => entry.action)).toEqual(['user.email_changed', 'user.updated']);

	// The corrected account signs in with its new address.
	await page.context().clearCookies();
	await login(page, corrected);
});
