import { describe, expect, it } from 'vitest';
import { StartupProblem } from '../config/startup';
import { contentStartupProblem } from './live';

// A content error at start ends the server like any start problem, with the checker's messages.

describe('content errors at start', () => {
	it('are one start-problem line naming CONTENT_DIR, then the checker’s message per file', () => {
		const problem = contentStartupProblem('/srv/content', [
			{ file: 'courses/a/course.md', line: 3, message: '„title“ fehlt.' }
		]);
		expect(problem).toBeInstanceOf(StartupProblem);
		const [first, ...rest] = problem.message.split('\n');
		expect(first).toMatch(/^Der Kursinhalt in \/srv\/content enthält 1 Fehler \(CONTENT_DIR\)/);
		expect(first).toContain(' / The content in /srv/content has 1 error(s)');
		expect(rest).toEqual(['courses/a/course.md:3: „title“ fehlt.']);
	});
});
