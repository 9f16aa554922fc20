import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { contentDir } from '$lib/server/config/paths';
import type {
	AssignmentMeta,
	CourseMeta,
	ItemMeta,
	ModuleMeta,
	TrainerMaterialMeta
} from '$lib/content/types';
import { resolveAssetFile } from './assets';
import { buildContentIndex, type ContentIndex } from './build-index';
import { isPageMarkdown, listFiles } from './disk';
import { formatProblem } from './problems';
import type { QuizDefinition } from './quiz-types';

// The single reader of content/. The Markdown is bundled at build time (and reloaded by Vite in
// development); files beside it (images, audio, PDFs) are read at run time from CONTENT_DIR.

const rawFiles = import.meta.glob<string>(
	['/content/courses/*/course.md', '/content/courses/*/*/*.md'],
	{ query: '?raw', import: 'default', eager: true }
);
const pageComponents = import.meta.glob<{ default: Component }>('/content/courses/*/*/*.md');

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		const children = value instanceof Map ? value.values() : Object.values(value);
		for (const child of children) deepFreeze(child);
	}
	return value;
}

function loadIndex(): ContentIndex {
	const files = Object.entries(rawFiles).map(([key, raw]) => ({
		path: key.replace(/^\/content\//, ''),
		raw
	}));
	const root = contentDir();
	// Without the folder (an unusual deployment) link targets cannot be checked here; CI checks them.
	const assets = existsSync(join(root, 'courses'))
		? listFiles(root).filter((path) => path.startsWith('courses/') && !isPageMarkdown(path))
		: null;
	const { index, errors, warnings } = buildContentIndex(files, { assets });
	for (const warning of warnings) console.warn(`Kursinhalt: ${formatProblem(warning, 'content/')}`);
	if (errors.length > 0) {
		const list = errors.map((error) => formatProblem(error, 'content/')).join('\n');
		throw new Error(
			`Der Kursinhalt enthält ${errors.length} Fehler (Details: npm run content:check):\n${list}`
		);
	}
	return deepFreeze(index);
}

const index = loadIndex();

/** All courses in catalogue order, each with its modules and items. */
export function getCatalogue(): readonly CourseMeta[] {
	return index.courses;
}

export function getCourse(id: string): CourseMeta | undefined {
	return index.courseById.get(id);
}

/** `id` is `<course>/<module>`. */
export function getModule(id: string): ModuleMeta | undefined {
	return index.moduleById.get(id);
}

/** `id` is `<course>/<module>/<item>`. */
export function getItem(id: string): ItemMeta | undefined {
	return index.itemById.get(id);
}

/** The full quiz with its answers: server-only, for grading and for building attempts. */
export function getQuiz(id: string): QuizDefinition | undefined {
	return index.quizById.get(id);
}

export function getAssignment(id: string): AssignmentMeta | undefined {
	const item = index.itemById.get(id);
	return item?.type === 'assignment' ? item : undefined;
}

/** The rendered body of a lesson or of an assignment's instructions (mdsvex component). */
export async function getLessonComponent(itemId: string): Promise<Component | undefined> {
	const item = index.itemById.get(itemId);
	const path = index.itemPathById.get(itemId);
	if (!item || item.type === 'quiz' || !path) return undefined;
	const load = pageComponents[`/content/${path}`];
	return load ? (await load()).default : undefined;
}

/**
 * A lesson or assignment body rendered to HTML on the server, with the styles of the authoring
 * components in `head`. Use it with `{@html}` to keep lesson text out of public JS chunks; the
 * components are built to work without JavaScript.
 */
export async function renderLesson(
	itemId: string
): Promise<{ html: string; head: string } | undefined> {
	const component = await getLessonComponent(itemId);
	if (!component) return undefined;
	const { body, head } = render(component);
	return { html: body, head };
}

/**
 * Absolute path of a file beside the Markdown, as linked by `/medien/<courseId>/<moduleSlug>/<path>`;
 * null for unknown modules, missing files, Markdown pages and paths that leave the module folder.
 * Access checks (enrolment) are the caller's job.
 */
export function getAssetPath(courseId: string, moduleSlug: string, relPath: string): string | null {
	const location = index.moduleLocationById.get(`${courseId}/${moduleSlug}`);
	return location ? resolveAssetFile(contentDir(), location, relPath) : null;
}

// Trainer material: only `./trainer-material`, which checks who asks, should call these.

/** `id` is `<course>/<module>/<slug>` of a `type: trainer` file. */
export function getTrainerMaterial(id: string): TrainerMaterialMeta | undefined {
	return index.trainerMaterialById.get(id);
}

export function listTrainerMaterial(moduleId: string): readonly TrainerMaterialMeta[] {
	return index.trainerMaterialByModule.get(moduleId) ?? [];
}

/** The rendered body of trainer material, like `renderLesson`. */
export async function renderTrainerMaterial(
	id: string
): Promise<{ html: string; head: string } | undefined> {
	const path = index.trainerMaterialPathById.get(id);
	const load = path && pageComponents[`/content/${path}`];
	if (!load) return undefined;
	const { body, head } = render((await load()).default);
	return { html: body, head };
}
