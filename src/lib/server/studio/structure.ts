import { splitOrderPrefix } from '../content/layout.js';
import { DraftChanged, draftStep, saveDraft, versionOf } from './drafts';
import { courseRoot, isWritablePath } from './paths';
import {
	courseTemplate,
	itemTemplate,
	moduleTemplate,
	slugFromTitle,
	type NewItemKind
} from './templates';
import { buildCourseTree, nextPrefix, type CourseTree } from './tree';
import { liveFile, readWorkspace, type Workspace } from './workspace';

// Changes to a course's structure, all saved as the author's draft: new pages from templates,
// new titles, order (by swapping `NN-` prefixes, so IDs stay), deletion.

export type StructureProblem =
	| 'title_missing'
	| 'title_too_long'
	| 'exists'
	| 'not_found'
	| 'at_edge'
	| 'no_prefix'
	/** A file changed (e.g. autosaved in another tab) between reading and writing. */
	| 'changed';

/** Longest title of a new course, module or page (the forms say so, too). */
export const TITLE_MAX = 200;

function titleProblem(title: string): StructureProblem | null {
	if (title.trim().length > TITLE_MAX) return 'title_too_long';
	return slugFromTitle(title) ? null : 'title_missing';
}
export type StructureResult = { ok: true; path: string } | { ok: false; problem: StructureProblem };

type Files = Pick<Workspace, 'courseDir' | 'files'>;

/** Writes `path` as a draft, based on the file as `ws` read it (see saveDraft). */
const write = (userId: string, ws: Files, path: string, content: Buffer | null) => {
	if (!isWritablePath(path, ws.courseDir)) throw new Error(`Pfad außerhalb des Kurses: ${path}`);
	const basedOn = versionOf(ws.files.get(path) ?? null);
	const saved = saveDraft(userId, ws.courseDir, path, content, liveFile(path), basedOn);
	if (!saved.ok) throw new DraftChanged(path);
};

/** A structure change as one step: a file changed meanwhile undoes it and says so. */
function inOneStep(change: () => StructureResult): StructureResult {
	try {
		return draftStep(change);
	} catch (problem) {
		if (problem instanceof DraftChanged) return { ok: false, problem: 'changed' };
		throw problem;
	}
}

function moveFiles(userId: string, ws: Workspace, fromPrefix: string, toPrefix: string) {
	const moves = [...ws.files].filter(([path]) => path.startsWith(fromPrefix));
	for (const [path] of moves) write(userId, ws, path, null);
	for (const [path, content] of moves) {
		write(userId, ws, toPrefix + path.slice(fromPrefix.length), content);
	}
}

export function treeOf(ws: Workspace, errorPaths: ReadonlySet<string> = new Set()): CourseTree {
	return buildCourseTree({
		courseDir: ws.courseDir,
		files: ws.files,
		draftPaths: new Set(ws.drafts.map((draft) => draft.path)),
		errorPaths
	});
}

export function createCourse(
	userId: string,
	title: string,
	existingDirs: readonly string[]
): StructureResult {
	const problem = titleProblem(title);
	if (problem) return { ok: false, problem };
	const slug = slugFromTitle(title);
	if (existingDirs.some((dir) => splitOrderPrefix(dir).slug === slug))
		return { ok: false, problem: 'exists' };
	const courseDir = `${nextPrefix(existingDirs)}-${slug}`;
	const path = `${courseRoot(courseDir)}course.md`;
	return inOneStep(() => {
		write(userId, { courseDir, files: new Map() }, path, Buffer.from(courseTemplate(title.trim())));
		return { ok: true, path };
	});
}

export function createModule(userId: string, ws: Workspace, title: string): StructureResult {
	const problem = titleProblem(title);
	if (problem) return { ok: false, problem };
	const slug = slugFromTitle(title);
	const tree = treeOf(ws);
	if (tree.modules.some((module) => module.slug === slug)) return { ok: false, problem: 'exists' };
	const dir = `${nextPrefix(tree.modules.map((module) => module.dir))}-${slug}`;
	const path = `${courseRoot(ws.courseDir)}${dir}/module.md`;
	return inOneStep(() => {
		write(userId, ws, path, Buffer.from(moduleTemplate(title.trim())));
		return { ok: true, path };
	});
}

export function createItem(
	userId: string,
	ws: Workspace,
	moduleDir: string,
	kind: NewItemKind,
	title: string
): StructureResult {
	const problem = titleProblem(title);
	if (problem) return { ok: false, problem };
	const slug = slugFromTitle(title);
	const module = treeOf(ws).modules.find((candidate) => candidate.dir === moduleDir);
	if (!module) return { ok: false, problem: 'not_found' };
	if (module.items.some((item) => item.slug === slug)) return { ok: false, problem: 'exists' };
	// Trainer material (90-…) stays last: new pages go after the last course page.
	const coursePages = module.items.filter((item) => item.kind !== 'trainer');
	const prefix = nextPrefix(coursePages.map((item) => item.fileName));
	const path = `${courseRoot(ws.courseDir)}${moduleDir}/${prefix}-${slug}.md`;
	if (ws.files.has(path)) return { ok: false, problem: 'exists' };
	return inOneStep(() => {
		write(userId, ws, path, Buffer.from(itemTemplate(kind, title.trim())));
		return { ok: true, path };
	});
}

/** New names for two neighbours trading places: each takes the other's `NN-` prefix. */
function tradePrefixes(a: string, b: string): [string, string] | null {
	const prefixOf = (name: string) => /^(\d+)-/.exec(name)?.[1];
	const [pa, pb] = [prefixOf(a), prefixOf(b)];
	if (!pa || !pb || pa === pb) return null;
	return [`${pb}-${splitOrderPrefix(a).slug}`, `${pa}-${splitOrderPrefix(b).slug}`];
}

/** Moves a module one place up or down by swapping folder prefixes with its neighbour. */
export function moveModule(
	userId: string,
	ws: Workspace,
	moduleDir: string,
	direction: -1 | 1
): StructureResult {
	const modules = treeOf(ws).modules;
	const index = modules.findIndex((module) => module.dir === moduleDir);
	if (index < 0) return { ok: false, problem: 'not_found' };
	const neighbour = modules[index + direction];
	if (!neighbour) return { ok: false, problem: 'at_edge' };
	const names = tradePrefixes(moduleDir, neighbour.dir);
	if (!names) return { ok: false, problem: 'no_prefix' };
	const [moved, other] = names;
	const root = courseRoot(ws.courseDir);
	return inOneStep(() => {
		moveFiles(userId, ws, `${root}${moduleDir}/`, `${root}${moved}/`);
		moveFiles(
			userId,
			readWorkspace(userId, ws.courseDir),
			`${root}${neighbour.dir}/`,
			`${root}${other}/`
		);
		return { ok: true, path: `${root}${moved}/module.md` };
	});
}

export function moveItem(
	userId: string,
	ws: Workspace,
	path: string,
	direction: -1 | 1
): StructureResult {
	const module = treeOf(ws).modules.find((candidate) =>
		candidate.items.some((item) => item.path === path)
	);
	const items = module?.items ?? [];
	const index = items.findIndex((item) => item.path === path);
	if (!module || index < 0) return { ok: false, problem: 'not_found' };
	const neighbour = items[index + direction];
	if (!neighbour) return { ok: false, problem: 'at_edge' };
	const name = (file: string) => file.replace(/\.md$/, '');
	const names = tradePrefixes(name(items[index]!.fileName), name(neighbour.fileName));
	if (!names) return { ok: false, problem: 'no_prefix' };
	const [moved, other] = names;
	const folder = `${courseRoot(ws.courseDir)}${module.dir}/`;
	const mine = ws.files.get(path)!;
	const theirs = ws.files.get(neighbour.path)!;
	return inOneStep(() => {
		write(userId, ws, path, null);
		write(userId, ws, neighbour.path, null);
		write(userId, ws, `${folder}${moved}.md`, mine);
		write(userId, ws, `${folder}${other}.md`, theirs);
		return { ok: true, path: `${folder}${moved}.md` };
	});
}

/** Deletes a page, or a whole module with everything in its folder (as a draft). */
export function deletePage(userId: string, ws: Workspace, path: string): StructureResult {
	if (!ws.files.has(path)) return { ok: false, problem: 'not_found' };
	const prefix = path.endsWith('/module.md') ? path.slice(0, -'module.md'.length) : null;
	const paths = prefix ? [...ws.files.keys()].filter((file) => file.startsWith(prefix)) : [path];
	return inOneStep(() => {
		for (const file of paths) write(userId, ws, file, null);
		return { ok: true, path };
	});
}
