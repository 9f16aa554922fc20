import { error, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session';
import { requireUser } from '../auth/guards';
import { openCourse, canUseStudio, type OpenCourse } from './index';

// The studio's HTTP guards: every load, action and endpoint calls one of these first.

export function requireAuthor(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = requireUser(event, 'trainer');
	if (!canUseStudio(user)) error(403, 'forbidden');
	return user;
}

/** The course of the `kurs` parameter, opened for a user who may author it; else 404 or 403. */
export function requireCourse(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>): {
	user: SessionUser;
	course: OpenCourse;
} {
	const user = requireAuthor(event);
	const course = openCourse(user, (event.params as { kurs?: string }).kurs ?? '');
	if (course === 'missing') error(404, 'not found');
	if (course === 'forbidden') error(403, 'forbidden');
	return { user, course };
}
