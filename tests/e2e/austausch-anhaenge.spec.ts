import { createCohort, createUser } from './support/database';
import { expect, expectNoAxeViolations, phonePageFor, test } from './support/fixtures';

// Files on Austausch posts, on a 360 px phone: a thread with a PDF sent without JavaScript,
// its download by another learner, and a disguised file refused with the text kept.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

test.use({ viewport: { width: 360, height: 780 } });

test('a thread with a file, its download, and a refused file that keeps the text', async ({
	browser
}) => {
	const author = createUser('learner', 'Aylin Anhang');
	const reader = createUser('learner', 'Bruno Lesend');
	const trainer = createUser('trainer', 'Tara Anhang');
	const cohortId = createCohort('probe-ikbo', trainer.id, [author.id, reader.id]);

	const noScript = await phonePageFor(browser, author.email, {
		javaScriptEnabled: false,
		acceptDownloads: true
	});
	await noScript.goto(`/austausch/${cohortId}/neu`);
	await noScript.getByLabel('Titel').fill('Vorlage für das Erstgespräch');
	await noScript.getByLabel('Ihr Beitrag').fill('Meine Vorlage, gern verbessern.');
	await noScript
		.getByLabel('Dateien anhängen (freiwillig)')
		.setInputFiles([
			{ name: 'Vorlage Erstgespräch.pdf', mimeType: 'application/pdf', buffer: PDF }
		]);
	await noScript.getByRole('button', { name: 'Thema eröffnen' }).click();
	await expect(noScript.getByRole('heading', { level: 1 })).toHaveText(
		'Vorlage für das Erstgespräch'
	);
	const threadUrl = noScript.url();
	await noScript.context().close();

	const page = await phonePageFor(browser, reader.email, { acceptDownloads: true });
	await page.goto(threadUrl);
	const opening = page.getByRole('article', { name: 'Beitrag von Aylin Anhang' });
	const link = opening.getByRole('link', { name: 'Vorlage Erstgespräch.pdf' });
	await expect(opening.getByRole('list', { name: 'Anhänge' })).toContainText('(PDF, 1 KB)');
	await expectNoAxeViolations(page);
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toBe('Vorlage Erstgespräch.pdf');

	await page.getByLabel('Ihr Beitrag').fill('Danke! Hier mein Foto dazu.');
	await page
		.getByLabel('Dateien anhängen (freiwillig)')
		.setInputFiles([{ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('kein Bild') }]);
	await page.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Der Inhalt der Datei „foto.png“ passt nicht zur Dateiendung.'
	);
	await expect(page.getByLabel('Ihr Beitrag')).toHaveValue('Danke! Hier mein Foto dazu.');
	await expect(page.getByRole('article')).toHaveCount(1);
	await expectNoAxeViolations(page);
	await page.context().close();
});
