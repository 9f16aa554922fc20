import { compareByOrderPrefix, splitOrderPrefix } from '../content/layout.js';
import { splitSource, titleOf } from './source-file';

// The course as the studio lists it: modules and their items in order, with type and status.
// Pure: built from the author's workspace files, so drafts and new items show up at once.

export type ItemKind = 'lesson' | 'quiz' | 'assignment' | 'trainer';
export type FileStatus = 'published' | 'draft' | 'errors';

export interface TreeItem {
	path: string;
	fileName: string;
	slug: string;
	title: string;
	kind: ItemKind;
	status: FileStatus;
}

export interface TreeModule {
	dir: string;
	slug: string;
	path: string;
	title: string;
	status: FileStatus;
	items: TreeItem[];
}

export interface CourseTree {
	courseDir: string;
	id: string;
	title: string;
	path: string;
	status: FileStatus;
	modules: TreeModule[];
}

export interface TreeInputs {
	courseDir: string;
	files: ReadonlyMap<string, Buffer>;
	draftPaths: ReadonlySet<string>;
	errorPaths: ReadonlySet<string>;
}

const KINDS: readonly string[] = ['lesson', 'quiz', 'assignment', 'trainer'];

function kindOf(data: Record<string, unknown>): ItemKind {
	return typeof data.type === 'string' && KINDS.includes(data.type)
		? (data.type as ItemKind)
		: 'lesson';
}

function idPart(data: Record<string, unknown>, name: string): string {
	return typeof data.id === 'string' && data.id ? data.id : splitOrderPrefix(name).slug;
}

export function buildCourseTree({
	courseDir,
	files,
	draftPaths,
	errorPaths
}: TreeInputs): CourseTree {
	const statusOf = (path: string): FileStatus =>
		errorPaths.has(path) ? 'errors' : draftPaths.has(path) ? 'draft' : 'published';
	const read = (path: string) => splitSource(files.get(path)?.toString('utf8') ?? '');
	const root = `courses/${courseDir}/`;
	const moduleDirs = new Set<string>();
	for (const path of files.keys()) {
		const parts = path.slice(root.length).split('/');
		if (parts.length === 2 && parts[1] === 'module.md') moduleDirs.add(parts[0]!);
	}
	const modules = [...moduleDirs].sort(compareByOrderPrefix).map((dir): TreeModule => {
		const prefix = `${root}${dir}/`;
		const itemNames = [...files.keys()]
			.filter((path) => path.startsWith(prefix) && path.endsWith('.md'))
			.map((path) => path.slice(prefix.length))
			.filter((name) => !name.includes('/') && name !== 'module.md')
			.map((name) => name.replace(/\.md$/, ''))
			.sort(compareByOrderPrefix);
		const items = itemNames.map((name): TreeItem => {
			const path = `${prefix}${name}.md`;
			const file = read(path);
			return {
				path,
				fileName: `${name}.md`,
				slug: idPart(file.data, name),
				title: titleOf(file, name),
				kind: kindOf(file.data),
				status: statusOf(path)
			};
		});
		const path = `${prefix}module.md`;
		const module = read(path);
		return {
			dir,
			slug: idPart(module.data, dir),
			path,
			title: titleOf(module, dir),
			status: statusOf(path),
			items
		};
	});
	const path = `${root}course.md`;
	const course = read(path);
	return {
		courseDir,
		id: idPart(course.data, courseDir),
		title: titleOf(course, courseDir),
		path,
		status: statusOf(path),
		modules
	};
}

/** The `NN-` prefix after the highest one in `names`. */
export function nextPrefix(names: readonly string[]): string {
	const prefixes = names.map((name) => splitOrderPrefix(name).prefix ?? 0);
	const next = prefixes.length ? Math.max(...prefixes) + 1 : 1;
	return String(next).padStart(2, '0');
}
