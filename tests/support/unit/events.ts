import type { SessionUser } from '$lib/server/auth/session';
import { issueCertificate } from '$lib/server/certificates/issue';
import { createEvent, type EventInput } from '$lib/server/events';
import { COURSE_ID, enrol, makeUser } from './certificates';

export const DAY = 86_400_000;

/** A person holding a valid certificate of the course: an alumna, invited to its events. */
export async function makeAlumna(name: string, courseId = COURSE_ID) {
	const user = await makeUser(name);
	enrol(user.id, courseId);
	issueCertificate(user.id, courseId);
	return user;
}

export const asSession = (user: { id: string; name: string; email: string; role: string }) =>
	user as SessionUser;

/** A two-day event starting `inDays` from now, for the course's alumni, as a draft. */
export function makeEvent(organiser: SessionUser, overrides: Partial<EventInput> = {}) {
	const startsAt = new Date(Date.now() + 10 * DAY);
	const input: EventInput = {
		title: 'Vertiefungstreffen 2027',
		description: '## Programm\n\n- Rollenstärkung',
		format: 'praesenz',
		place: 'Berlin, Haus der Demokratie',
		startsAt,
		endsAt: new Date(startsAt.getTime() + DAY + 7 * 3_600_000),
		capacity: 2,
		registrationDeadline: null,
		...overrides
	};
	return createEvent(organiser, input, [{ kind: 'course', targetId: COURSE_ID }]);
}
