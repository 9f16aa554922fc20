import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import {
	closeStudioFolder,
	COURSE,
	MODULE,
	openStudioFolder,
	studioPerson,
	WELCOME
} from '$test/unit/studio-folder';
import { openCourse, type OpenCourse } from '.';
import { deletionPreview, isPublished } from './deletion';
import { createItem, createModule, moveItem } from './structure';

// Deleting says what learners will notice: a published page stays visible until the deletion is
// published; a page that was never published was never theirs to see.

let dir = '';
let author: SessionUser;

const open = (): OpenCourse => {
	const course = openCourse(author, COURSE);
	if (typeof course === 'string') throw new Error(course);
	return course;
};

beforeAll(async () => {
	dir = await openStudioFolder();
	author = await studioPerson('Aufräumerin', 'admin');
});

afterAll(() => closeStudioFolder(dir));

describe('what a deletion tells about learners', () => {
	it('knows a page and a module that were never published from published ones', () => {
		const page = createItem(author.id, open().ws, MODULE, 'lesson', 'Nur ein Entwurf');
		const module = createModule(author.id, open().ws, 'Neues Modul');
		if (!page.ok || !module.ok) throw new Error('not created');
		expect(deletionPreview(open(), page.path)).toMatchObject({ kind: 'item', published: false });
		expect(deletionPreview(open(), module.path)).toMatchObject({
			kind: 'module',
			published: false
		});
		expect(isPublished(open(), page.path)).toBe(false);
		expect(deletionPreview(open(), WELCOME)).toMatchObject({ published: true });
		expect(isPublished(open(), `courses/${COURSE}/${MODULE}/module.md`)).toBe(true);
	});

	it('still counts a published page as published under its new name after a reorder', () => {
		const moved = moveItem(author.id, open().ws, WELCOME, 1);
		if (!moved.ok) throw new Error(moved.problem);
		expect(moved.path).not.toBe(WELCOME);
		expect(isPublished(open(), moved.path)).toBe(true);
	});
});
