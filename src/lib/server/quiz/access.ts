import type { QuizMeta } from '$lib/content/types';
import { moduleUrl } from '$lib/urls';
import type { SessionUser } from '../auth/session';
import { getItem, getModule, getQuiz } from '../content';
import type { QuizDefinition } from '$lib/content/quiz-types';
import { courseStanding } from '../progress';
import type { Refusal } from '../http/refusal';

export interface QuizContext {
	item: QuizMeta;
	quiz: QuizDefinition;
	module: { id: string; title: string };
	/** The learner's cohort in this course, recorded with each attempt for statistics. */
	cohortId: string | null;
}

/**
 * The quiz behind a route, if this user may take it: unknown IDs are not found, learners whose
 * module is not open (not enrolled, earlier module unfinished) are sent to the module page.
 */
export function quizAccess(
	user: SessionUser,
	itemId: string
): Refusal | ({ kind: 'open' } & QuizContext) {
	const item = getItem(itemId);
	const quiz = item?.type === 'quiz' ? getQuiz(itemId) : undefined;
	const module = item ? getModule(item.moduleId) : undefined;
	if (!item || item.type !== 'quiz' || !quiz || !module) return { kind: 'not_found' };
	const standing = courseStanding(user, item.courseId);
	if (!standing.accessTo(item.moduleId).open) {
		return { kind: 'redirect', to: moduleUrl(item.moduleId) };
	}
	return {
		kind: 'open',
		item,
		quiz,
		module: { id: module.id, title: module.title },
		cohortId: standing.enrolment?.cohortId ?? null
	};
}
