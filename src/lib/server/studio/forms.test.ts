import { describe, expect, it } from 'vitest';
import { joinFrontmatter, splitFrontmatter } from './frontmatter-form';
import { isWritablePath } from './paths';
import { editorParts, joinSource } from './source-file';
import { slugFromTitle } from './templates';
import { buildCourseTree, nextPrefix } from './tree';

describe('the editor form of a page', () => {
	it('splits title and common fields from the rest of the frontmatter and joins them back', () => {
		const yaml = 'type: quiz\ntitle: "Quiz Modul 1"\npassPercent: 70\nshuffle: true # gemischt\n';
		const form = splitFrontmatter('quiz', yaml);
		expect(form).toEqual({
			title: 'Quiz Modul 1',
			fields: { passPercent: '70', attempts: '' },
			rest: 'shuffle: true # gemischt\n'
		});
		const joined = joinFrontmatter('quiz', {
			...form,
			fields: { passPercent: '80', attempts: '3' }
		});
		expect(joined).toEqual({
			ok: true,
			yaml: 'type: quiz\ntitle: Quiz Modul 1\npassPercent: 80\nattempts: 3\nshuffle: true # gemischt\n'
		});
	});

	it('keeps a quiz or an assignment of its kind when the free settings are replaced', () => {
		const assignment = 'type: assignment\ntitle: Aufgabe\nrequired: true\n';
		expect(splitFrontmatter('assignment', assignment).rest).toBe('required: true\n');
		const replaced = joinFrontmatter('assignment', {
			title: 'Aufgabe',
			fields: {},
			rest: 'required: false\n'
		});
		expect(replaced).toEqual({
			ok: true,
			yaml: 'type: assignment\ntitle: Aufgabe\nrequired: false\n'
		});
		const emptied = joinFrontmatter('quiz', { title: 'Quiz', fields: {}, rest: '' });
		expect(emptied).toEqual({ ok: true, yaml: 'type: quiz\ntitle: Quiz\n' });
		// An explicit type in the box is the author's choice.
		const changed = joinFrontmatter('lesson', { title: 'L', fields: {}, rest: 'type: quiz\n' });
		expect(changed).toEqual({ ok: true, yaml: 'type: quiz\ntitle: L\n' });
		expect(joinFrontmatter('lesson', { title: 'L', fields: {}, rest: '' })).toEqual({
			ok: true,
			yaml: 'title: L\n'
		});
	});

	it('keeps text fields as text and reports broken YAML instead of guessing', () => {
		const joined = joinFrontmatter('module', {
			title: 'Modul',
			fields: { summary: '2026' },
			rest: ''
		});
		expect(joined).toEqual({ ok: true, yaml: 'title: Modul\nsummary: "2026"\n' });
		const broken = joinFrontmatter('lesson', { title: 'A', fields: {}, rest: 'downloads: [' });
		expect(broken).toMatchObject({ ok: false, problem: { kind: 'syntax', line: 1 } });
		const nested = joinFrontmatter('lesson', { title: 'A', fields: {}, rest: 'a: b: c' });
		expect(nested).toEqual({ ok: false, problem: { kind: 'syntax', line: 1, column: 4 } });
		const list = joinFrontmatter('lesson', { title: 'A', fields: {}, rest: '- liste' });
		expect(list).toEqual({ ok: false, problem: { kind: 'not_keys' } });
	});

	it('knows on which file line the body starts, so problems land on the author’s lines', () => {
		const text = joinSource('title: A\nminutes: 5', '## Start\n\nText');
		expect(text).toBe('---\ntitle: A\nminutes: 5\n---\n\n## Start\n\nText\n');
		const parts = editorParts(text);
		expect(parts.body).toBe('## Start\n\nText\n');
		expect(text.split('\n')[parts.bodyStart - 1]).toBe('## Start');
	});
});

describe('names and paths', () => {
	it('makes file names from German titles', () => {
		expect(slugFromTitle('Ämter & Wege: Überblick')).toBe('aemter-wege-ueberblick');
		expect(slugFromTitle('Straße')).toBe('strasse');
		expect(slugFromTitle('!!!')).toBe('');
	});

	it('writes only inside the course, never hidden files or parent folders', () => {
		expect(isWritablePath('courses/01-a/02-b/03-c.md', '01-a')).toBe(true);
		expect(isWritablePath('courses/01-a/../02-b/x.md', '01-a')).toBe(false);
		expect(isWritablePath('courses/01-a/.git/config', '01-a')).toBe(false);
		expect(isWritablePath('courses/02-b/x.md', '01-a')).toBe(false);
		expect(isWritablePath('/etc/passwd', '01-a')).toBe(false);
	});

	it('numbers new pages after the highest prefix', () => {
		expect(nextPrefix(['01-a', '02-b', '90-trainer'])).toBe('91');
		expect(nextPrefix([])).toBe('01');
	});
});

describe('the course tree', () => {
	it('lists modules and items in order with kind, ID and status', () => {
		const file = (text: string) => Buffer.from(text);
		const tree = buildCourseTree({
			courseDir: '01-kurs',
			files: new Map([
				['courses/01-kurs/course.md', file('---\ntitle: Kurs\n---\n')],
				['courses/01-kurs/02-zwei/module.md', file('---\ntitle: Zwei\n---\n')],
				['courses/01-kurs/01-eins/module.md', file('---\ntitle: Eins\n---\n')],
				['courses/01-kurs/01-eins/02-quiz.md', file('---\ntype: quiz\ntitle: Quiz\n---\n')],
				['courses/01-kurs/01-eins/01-start.md', file('---\nid: anfang\ntitle: Start\n---\n')],
				['courses/01-kurs/01-eins/bilder/a.png', file('png')]
			]),
			draftPaths: new Set(['courses/01-kurs/01-eins/02-quiz.md']),
			errorPaths: new Set(['courses/01-kurs/02-zwei/module.md'])
		});
		expect(tree.modules.map((module) => [module.title, module.status])).toEqual([
			['Eins', 'published'],
			['Zwei', 'errors']
		]);
		expect(tree.modules[0]!.items.map((item) => [item.slug, item.kind, item.status])).toEqual([
			['anfang', 'lesson', 'published'],
			['quiz', 'quiz', 'draft']
		]);
	});
});
