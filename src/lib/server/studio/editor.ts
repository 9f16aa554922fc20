import { m } from '$lib/paraglide/messages.js';
import { ASK_OVERWRITE, OVERWRITE_FIELD, type DraftConflict } from '$lib/studio/draft-conflict';
import type { ContentProblem } from '../content/problems';
import type { ContentVersion } from '../content';
import { renderPreviewBody } from '../content';
import type { WorkspaceCheck } from './check';
import { checkFiles, problemsIn } from './check';
import {
	fieldsOf,
	joinFrontmatter,
	splitFrontmatter,
	type FrontmatterForm,
	type RestProblem,
	type PageKind
} from './frontmatter-form';
import type { OpenCourse } from './index';
import { quizPreview, type QuizPreview } from './quiz-preview';
import { editorParts, joinSource } from './source-file';
import { versionOf } from './drafts';

// One page in the editor: its form, its problems placed on the author's lines, its preview.

export interface PlacedProblem extends ContentProblem {
	/** Line in the text field; null for a problem in the frontmatter. */
	bodyLine: number | null;
	warning: boolean;
}

export type Preview =
	{ kind: 'html'; html: string } | { kind: 'quiz'; quiz: QuizPreview } | { kind: 'none' };

export function pageKind(course: OpenCourse, path: string): PageKind | null {
	if (path === course.tree.path) return 'course';
	for (const module of course.tree.modules) {
		if (module.path === path) return 'module';
		const item = module.items.find((candidate) => candidate.path === path);
		if (item) return item.kind;
	}
	return null;
}

export function placeProblems(
	check: WorkspaceCheck,
	path: string,
	bodyStart: number
): PlacedProblem[] {
	const place = (warning: boolean) => (problem: ContentProblem) => ({
		...problem,
		bodyLine: problem.line >= bodyStart ? problem.line - bodyStart + 1 : null,
		warning
	});
	return [
		...problemsIn(check.errors, path).map(place(false)),
		...problemsIn(check.warnings, path).map(place(true))
	];
}

/**
 * Points the preview's files at the author's workspace: an image uploaded as a draft is not
 * served under /medien before it is published.
 */
function withDraftFiles(version: ContentVersion, itemId: string, html: string): string {
	const item = version.index.itemById.get(itemId);
	const module = item && version.index.moduleById.get(item.moduleId);
	const location = item && version.index.moduleLocationById.get(item.moduleId);
	if (!item || !module || !location) return html;
	const live = `"/medien/${item.courseId}/${module.slug}/`;
	return html.replaceAll(live, `"/studio/${location.courseDir}/datei/${location.moduleDir}/`);
}

export function previewOf(check: WorkspaceCheck, path: string): Preview {
	const version = check.version;
	if (!version) return { kind: 'none' };
	for (const [id, itemPath] of version.index.itemPathById) {
		if (itemPath !== path) continue;
		const quiz = version.index.quizById.get(id);
		if (quiz) return { kind: 'quiz', quiz: quizPreview(quiz) };
		const body = renderPreviewBody(version, id);
		return body ? { kind: 'html', html: withDraftFiles(version, id, body.html) } : { kind: 'none' };
	}
	return { kind: 'none' };
}

export interface EditorInput extends FrontmatterForm {
	body: string;
}

/** The editor's fields and their longest values: a longer one is refused, never cut. */
const LIMITS = { title: 300, field: 2000, rest: 50_000, body: 200_000 };

function tooLong(input: EditorInput): string | null {
	const over = (text: string, max: number) => text.length > max;
	if (over(input.title, LIMITS.title)) {
		return m.studio_error_field_too_long({ field: m.studio_field_title(), max: LIMITS.title });
	}
	if (Object.values(input.fields).some((value) => over(value, LIMITS.field))) {
		return m.studio_error_settings_too_long({ max: LIMITS.field });
	}
	if (over(input.rest, LIMITS.rest)) {
		return m.studio_error_field_too_long({ field: m.studio_field_rest(), max: LIMITS.rest });
	}
	if (over(input.body, LIMITS.body)) {
		return m.studio_error_field_too_long({ field: m.studio_field_body(), max: LIMITS.body });
	}
	return null;
}

function restProblemMessage(problem: RestProblem): string {
	return problem.kind === 'syntax'
		? m.studio_error_yaml_at({ line: problem.line, column: problem.column })
		: m.studio_error_yaml_keys();
}

/** The file the editor's form describes, or why it cannot be written (in German). */
export function composePage(
	kind: PageKind,
	input: EditorInput
): { ok: true; text: string } | { ok: false; message: string } {
	const long = tooLong(input);
	if (long) return { ok: false, message: long };
	const yaml = joinFrontmatter(kind, input);
	if (!yaml.ok) return { ok: false, message: restProblemMessage(yaml.problem) };
	return { ok: true, text: joinSource(yaml.yaml, input.body) };
}

/** Files beside the page in its module folder, to pick from in the editor. */
function mediaBeside(course: OpenCourse, path: string, kind: PageKind) {
	if (path.endsWith('/course.md')) return [];
	const folder = path.slice(0, path.lastIndexOf('/') + 1);
	return (
		[...course.ws.files.keys()]
			.filter((file) => file.startsWith(folder) && file.slice(folder.length).includes('/'))
			// Trainer-only files cannot be shown to learners (the checker would refuse the link).
			.filter((file) => kind === 'trainer' || !file.slice(folder.length).startsWith('trainer/'))
			.map((file) => {
				const relative = file.slice(folder.length);
				return { relative, image: /\.(png|jpe?g|webp|gif)$/i.test(relative) };
			})
	);
}

export function editorState(
	course: OpenCourse,
	path: string,
	kind: PageKind,
	check = course.check
) {
	const file = course.ws.files.get(path) ?? null;
	const text = file?.toString('utf8') ?? '';
	const parts = editorParts(text);
	const form = splitFrontmatter(kind, parts.yaml);
	return {
		path,
		kind,
		/** Sent back with every save (see saveDraft). */
		version: versionOf(file),
		fields: fieldsOf(kind).map((spec) => ({ ...spec, value: form.fields[spec.key] ?? '' })),
		title: form.title,
		rest: form.rest,
		body: parts.body,
		bodyStart: parts.bodyStart,
		problems: placeProblems(check, path, parts.bodyStart),
		preview: previewOf(check, path),
		media: mediaBeside(course, path, kind)
	};
}

/** Checks the course with `text` in place of the file, without saving anything. */
export function checkUnsaved(course: OpenCourse, path: string, text: string) {
	const files = new Map(course.ws.files);
	files.set(path, Buffer.from(text));
	const check = checkFiles(files);
	const bodyStart = editorParts(text).bodyStart;
	return { problems: placeProblems(check, path, bodyStart), preview: previewOf(check, path) };
}

/**
 * The draft version a save starts from: the editor's hidden `version`, or the newer version the
 * author confirmed to overwrite.
 */
export function baseVersionFrom(form: FormData): { basedOn: string; askedToOverwrite: boolean } {
	const overwrite = String(form.get(OVERWRITE_FIELD) ?? '');
	const confirmed = overwrite !== '' && overwrite !== ASK_OVERWRITE;
	return {
		basedOn: confirmed ? overwrite : String(form.get('version') ?? ''),
		askedToOverwrite: overwrite === ASK_OVERWRITE
	};
}

export function draftConflict(
	refused: { version: string; content: Buffer | null },
	confirm = false
): DraftConflict {
	return { version: refused.version, text: refused.content?.toString('utf8') ?? null, confirm };
}

/**
 * The editor's fields from a submitted form (composePage refuses what is too long). Without a
 * kind (the page is gone), every field sent is kept, only to be shown back.
 */
export function editorInputFrom(form: FormData, kind: PageKind | null): EditorInput {
	const text = (name: string) => String(form.get(name) ?? '');
	const fields: Record<string, string> = {};
	const keys = kind
		? fieldsOf(kind).map((spec) => spec.key)
		: [...form.keys()].filter((name) => name.startsWith('feld-')).map((name) => name.slice(5));
	for (const key of keys) fields[key] = text(`feld-${key}`);
	return {
		title: text('titel'),
		fields,
		rest: text('angaben'),
		body: text('text').replace(/\r\n/g, '\n')
	};
}
