import type { ReviewInfo } from '$lib/content/types';
import type { DownloadRow } from '$lib/content/views';
import { assignmentUrl, courseUrl, moduleUrl, quizUrl } from '$lib/urls';
import type { SessionUser } from '../auth/session';
import { courseStanding, recordCompletion, recordUncompletion } from '../progress';
import { getCourse, getItem, getModule, renderLesson } from '../content';
import {
	cohortDiscussionUrl,
	moduleLock,
	standingStatus,
	toItemLink,
	type ItemLink,
	type ModuleLock
} from './course-view';
import { downloadRows } from '../content/downloads-view';
import { findNeighbours } from '../content/navigation';
import type { LessonHeading } from '../content/render';
import type { Refusal } from '../http/refusal';

/** A table of contents only helps in longer lessons. */
export const TOC_MIN_HEADINGS = 3;

interface LessonContext {
	course: { id: string; title: string; url: string };
	module: { id: string; title: string; url: string };
	item: { id: string; title: string; minutes: number | null; stand: string | null };
	/** Who keeps the text current and when it is checked next: for trainers and admins only. */
	review: ReviewInfo | null;
}

export type LessonView =
	| Refusal
	| (LessonContext & { kind: 'locked'; lock: ModuleLock })
	| (LessonContext & {
			kind: 'lesson';
			/** Sanitised HTML, rendered from the lesson's Markdown (see render/). */
			html: string;
			/** Only for lessons long enough to need a table of contents. */
			toc: LessonHeading[];
			/** null for viewers who do not track progress (trainers, admins). */
			done: boolean | null;
			downloads: DownloadRow[];
			/** The lesson's reflection question, for enrolled learners (their journal). */
			reflection: string | null;
			previous: ItemLink | null;
			next: ItemLink | null;
			/** The cohort's threads about this lesson; null for staff and self-paced learners. */
			discussionUrl: string | null;
	  });

export function lessonView(user: SessionUser, itemId: string): LessonView {
	const item = getItem(itemId);
	const module = item && getModule(item.moduleId);
	const course = item && getCourse(item.courseId);
	if (!item || !module || !course) return { kind: 'not_found' };
	if (item.type === 'quiz') return { kind: 'redirect', to: quizUrl(item.id) };
	if (item.type === 'assignment') return { kind: 'redirect', to: assignmentUrl(item.id) };

	const standing = courseStanding(user, course.id);
	const enrolment = standingStatus(user, course.id, standing);
	if (enrolment === 'open' || enrolment === 'closed') {
		return { kind: 'redirect', to: courseUrl(course.id) };
	}
	const context: LessonContext = {
		course: { id: course.id, title: course.title, url: courseUrl(course.id) },
		module: { id: module.id, title: module.title, url: moduleUrl(module.id) },
		item: { id: item.id, title: item.title, minutes: item.minutes, stand: item.review.stand },
		review: enrolment === 'staff' ? item.review : null
	};
	const { progress } = standing;
	const lock = moduleLock(user, module, standing.accessTo);
	if (lock) return { ...context, kind: 'locked', lock };

	const rendered = renderLesson(item.id);
	if (!rendered) return { kind: 'not_found' };
	const entry = progress?.modules[module.order]?.items.find((e) => e.item.id === item.id);
	const { previous, next } = findNeighbours(course, item.id);
	return {
		...context,
		kind: 'lesson',
		html: rendered.html,
		toc: rendered.headings.length >= TOC_MIN_HEADINGS ? rendered.headings : [],
		done: progress ? (entry?.complete ?? false) : null,
		downloads: downloadRows(course.id, module.slug, item.downloads),
		reflection: enrolment === 'enrolled' ? item.reflection : null,
		previous: previous && toItemLink(previous),
		next: next && toItemLink(next),
		discussionUrl: cohortDiscussionUrl(standing, item.id)
	};
}

export type MarkResult = 'ok' | 'not_found' | 'forbidden';

/**
 * "Als erledigt markieren" and its undo: only learners, only lessons, only in a course they
 * are enrolled in and a module that is open to them.
 */
export function markLesson(user: SessionUser, itemId: string, done: boolean): MarkResult {
	const item = getItem(itemId);
	const module = item && getModule(item.moduleId);
	if (!item || !module || item.type !== 'lesson') return 'not_found';
	const standing = courseStanding(user, item.courseId);
	if (standingStatus(user, item.courseId, standing) !== 'enrolled') return 'forbidden';
	if (moduleLock(user, module, standing.accessTo)) return 'forbidden';
	if (done) recordCompletion(user.id, item.id, 'lesson_marked');
	else recordUncompletion(user.id, item.id, 'lesson_marked');
	return 'ok';
}
