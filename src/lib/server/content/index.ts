import type {
	AssignmentMeta,
	CourseMeta,
	ItemMeta,
	ModuleMeta,
	TrainerMaterialMeta
} from '$lib/content/types';
import type { ContentLanguages } from '$lib/content/language';
import { resolveAssetFile } from './assets';
import { currentContent, renderLiveBody } from './live';
import type { QuizDefinition } from '$lib/content/quiz-types';
import type { RenderedBody } from './render';

// The single reader of the course content. It is data the server reads from CONTENT_DIR at run
// time (see live.ts): every function here asks the live version, so a reload takes effect on
// the next call.

export {
	contentWatchWanted,
	currentContent,
	lastRejectedReload,
	reloadContent,
	renderPreviewBody,
	warmContent,
	watchContentDir,
	type RejectedReload,
	type ReloadResult
} from './live';
export { followPublishedVersions } from './published-version';
export type { ContentVersion } from './store';
export type { LessonHeading, RenderedBody } from './render';

/** All courses in catalogue order, each with its modules and items. */
export function getCatalogue(): readonly CourseMeta[] {
	return currentContent().index.courses;
}

/** Each course's declared language by course ID: pages mark its content with it. */
export function getCourseLanguages(): ContentLanguages {
	return Object.fromEntries(getCatalogue().map((course) => [course.id, course.language]));
}

export function getCourse(id: string): CourseMeta | undefined {
	return currentContent().index.courseById.get(id);
}

/** `id` is `<course>/<module>`. */
export function getModule(id: string): ModuleMeta | undefined {
	return currentContent().index.moduleById.get(id);
}

/** `id` is `<course>/<module>/<item>`. */
export function getItem(id: string): ItemMeta | undefined {
	return currentContent().index.itemById.get(id);
}

/** The full quiz with its answers: server-only, for grading and for building attempts. */
export function getQuiz(id: string): QuizDefinition | undefined {
	return currentContent().index.quizById.get(id);
}

export function getAssignment(id: string): AssignmentMeta | undefined {
	const item = currentContent().index.itemById.get(id);
	return item?.type === 'assignment' ? item : undefined;
}

/**
 * A lesson or assignment body as sanitised HTML with its `##` headings, rendered for the
 * reader's language and cached by content hash; undefined for quizzes and unknown items.
 */
export function renderLesson(itemId: string): RenderedBody | undefined {
	// Bodies of trainer material share the cache; learner-facing pages never get them.
	return currentContent().index.itemById.has(itemId) ? renderLiveBody(itemId) : undefined;
}

/**
 * Absolute path of a file beside the Markdown, as linked by `/medien/<courseId>/<moduleSlug>/<path>`;
 * null for unknown modules, missing files, Markdown pages and paths that leave the module folder.
 * Access checks (enrolment) are the caller's job.
 */
export function getAssetPath(courseId: string, moduleSlug: string, relPath: string): string | null {
	const content = currentContent();
	const location = content.index.moduleLocationById.get(`${courseId}/${moduleSlug}`);
	return location ? resolveAssetFile(content.dir, location, relPath) : null;
}

// Trainer material: only `../course-pages/trainer-material`, which checks who asks, should call these.

/** `id` is `<course>/<module>/<slug>` of a `type: trainer` file. */
export function getTrainerMaterial(id: string): TrainerMaterialMeta | undefined {
	return currentContent().index.trainerMaterialById.get(id);
}

export function listTrainerMaterial(moduleId: string): readonly TrainerMaterialMeta[] {
	return currentContent().index.trainerMaterialByModule.get(moduleId) ?? [];
}

/** The rendered body of trainer material, like `renderLesson` (same renderer and sanitiser). */
export function renderTrainerMaterial(id: string): RenderedBody | undefined {
	return currentContent().index.trainerMaterialById.has(id) ? renderLiveBody(id) : undefined;
}
