import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

// Tests work with the frozen fixture courses in tests/fixtures/catalogue, so editing a shipped
// course cannot break them. Only tests of the shipped product itself name shipped courses.
const ABOUT_SHIPPED_CONTENT = ['tests/e2e/curriculum.spec.ts'];

const shippedCourseIds = readdirSync('content/courses').map((folder) =>
	folder.replace(/^\d+-/, '')
);

const testCode = () =>
	[
		...sourceFiles('src', '.test.ts'),
		...sourceFiles('tests/unit', '.ts'),
		...sourceFiles('tests/support', '.ts'),
		...sourceFiles('tests/support', '.js'),
		...sourceFiles('tests/e2e', '.ts'),
		...sourceFiles('tests/e2e', '.js'),
		...sourceFiles('tests/reliability', '.ts')
	].filter(
		(file) => !ABOUT_SHIPPED_CONTENT.includes(file) && file !== 'tests/unit/fixture-courses.test.ts'
	);

describe('tests', () => {
	it('name no shipped course, only the fixture courses', () => {
		expect(shippedCourseIds.length).toBeGreaterThan(0);
		const offenders = testCode().flatMap((file) => {
			const text = readFileSync(file, 'utf8');
			return shippedCourseIds.filter((id) => text.includes(id)).map((id) => `${file}: ${id}`);
		});
		expect(offenders).toEqual([]);
	});
});
