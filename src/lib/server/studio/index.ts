import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionUser } from '../auth/session';
import { contentDir } from '../config/paths';
import { ID_PATTERN } from '../content/layout.js';
import { checkFiles, type WorkspaceCheck } from './check';
import { draftCourseDirs } from './drafts';
import { canAuthorCourse } from './rights';
import { treeOf } from './structure';
import type { CourseTree } from './tree';
import { readWorkspace, type Workspace } from './workspace';

// The studio's door: routes ask here which courses a person may author and open one.

export { canCreateCourses, canUseStudio } from './rights';
export type { CourseTree, TreeItem, TreeModule } from './tree';

export interface OpenCourse {
	ws: Workspace;
	tree: CourseTree;
	check: WorkspaceCheck;
}

/** Course folders on disk and the user's draft-only ones. */
export function courseDirs(userId: string): string[] {
	const root = join(contentDir(), 'courses');
	const onDisk = existsSync(root)
		? readdirSync(root, { withFileTypes: true })
				.filter((entry) => entry.isDirectory() && ID_PATTERN.test(entry.name))
				.map((entry) => entry.name)
		: [];
	return [...new Set([...onDisk, ...draftCourseDirs(userId)])].sort();
}

/**
 * The course in the user's workspace, checked; 'missing' for an unknown folder and 'forbidden'
 * when the user may not author it (routes answer 404 and 403).
 */
export function openCourse(
	user: SessionUser,
	courseDir: string
): OpenCourse | 'missing' | 'forbidden' {
	if (!courseDirs(user.id).includes(courseDir)) return 'missing';
	const ws = readWorkspace(user.id, courseDir);
	if (!ws.files.has(`courses/${courseDir}/course.md`)) return 'missing';
	const id = treeOf(ws).id;
	if (!canAuthorCourse(user, id)) return 'forbidden';
	const check = checkFiles(ws.files);
	const errorPaths = new Set(check.errors.map((problem) => problem.file));
	return { ws, tree: treeOf(ws, errorPaths), check };
}

/** Courses the user may author, for the studio's start page. */
export function authorableCourses(user: SessionUser) {
	return courseDirs(user.id).flatMap((courseDir) => {
		const course = openCourse(user, courseDir);
		if (typeof course === 'string') return [];
		return [
			{
				courseDir,
				id: course.tree.id,
				title: course.tree.title,
				modules: course.tree.modules.length,
				drafts: course.ws.drafts.length,
				errors: course.check.errors.length
			}
		];
	});
}
