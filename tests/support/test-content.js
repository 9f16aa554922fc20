// The course content of a test server: the shipped courses (the demo data refers to them), and
// the frozen fixture courses and glossary in tests/fixtures/catalogue that the tests work with,
// so editing a shipped course or the shipped glossary cannot break a test.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURE_CATALOGUE = resolve('tests/fixtures/catalogue');

/**
 * Fills a fresh CONTENT_DIR before the server starts; a folder with courses is left alone.
 * @param {string} dir
 */
export function seedTestContent(dir) {
	if (existsSync(join(dir, 'courses'))) return;
	cpSync(resolve('content'), dir, { recursive: true });
	cpSync(join(FIXTURE_CATALOGUE, 'glossar.md'), join(dir, 'glossar.md'));
	const fixtures = join(FIXTURE_CATALOGUE, 'courses');
	for (const course of readdirSync(fixtures)) {
		cpSync(join(fixtures, course), join(dir, 'courses', course), { recursive: true });
	}
}
