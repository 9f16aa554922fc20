import { describe, expect, it } from 'vitest';
import { LESSON_PATH } from '../../bench/context';
import { CLUSTERED_LESSON, SINGLE_PROCESS_PAGES } from '../../bench/lib/target-pages';

describe('the pages issue 19 measures', () => {
	it('measures the lesson when it reports the clustered lesson', () => {
		expect(CLUSTERED_LESSON).toMatchObject({ path: LESSON_PATH, login: true, target: 0.1 });
	});

	it('gives each target its own page and names the lesson, course and dashboard by path', () => {
		const byName = Object.fromEntries(SINGLE_PROCESS_PAGES.map((page) => [page.page, page]));
		expect(byName['lesson page (learner)']).toMatchObject({ path: LESSON_PATH, target: 0.06 });
		expect(byName['course page (learner)']).toMatchObject({
			path: LESSON_PATH.split('/').slice(0, 3).join('/'),
			target: 0.04
		});
		expect(byName['dashboard / (learner)']).toMatchObject({ path: '/', target: 0.04 });
		expect(byName['anonymous simple page']).toMatchObject({ login: false, target: 0.1 });
	});
});
