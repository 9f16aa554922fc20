import { error, redirect } from '@sveltejs/kit';
import type { QuizMeta } from '$lib/content/types';
import { moduleUrl } from '$lib/urls';
import type { SessionUser } from '../auth/session';
import { getEnrolment } from '../cohorts/enrolment';
import { getItem, getModule, getQuiz } from '../content';
import type { QuizDefinition } from '$lib/content/quiz-types';
import { getModuleAccess } from '../progress';

export interface QuizContext {
	item: QuizMeta;
	quiz: QuizDefinition;
	module: { id: string; title: string };
	/** The learner's cohort in this course, recorded with each attempt for statistics. */
	cohortId: string | null;
}

/**
 * The quiz behind a route, if this user may take it: unknown IDs are 404s, learners whose module
 * is not open (not enrolled, earlier module unfinished) go back to the module page.
 */
export function requireQuizAccess(user: SessionUser, itemId: string): QuizContext {
	const item = getItem(itemId);
	const quiz = item?.type === 'quiz' ? getQuiz(itemId) : undefined;
	const module = item ? getModule(item.moduleId) : undefined;
	if (!item || item.type !== 'quiz' || !quiz || !module) error(404, 'not found');
	if (!getModuleAccess(user, item.courseId, item.moduleId).open) {
		redirect(303, moduleUrl(item.moduleId));
	}
	return {
		item,
		quiz,
		module: { id: module.id, title: module.title },
		cohortId: getEnrolment(user.id, item.courseId)?.cohortId ?? null
	};
}

export const routeItemId = (params: { kurs: string; modul: string; eintrag: string }) =>
	`${params.kurs}/${params.modul}/${params.eintrag}`;
