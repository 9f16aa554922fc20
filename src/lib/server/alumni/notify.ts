import { notify } from '../notifications';
import { isAlumnus } from './membership';

export const alumniUrl = '/alumni';
export const directoryUrl = (courseId: string) => `/alumni/${courseId}`;

/**
 * "Sie gehören jetzt zum Alumni-Netzwerk": once per person and course (a reissued certificate
 * says nothing new), and not to someone who left that network before. Call inside the
 * certificate's transaction, after its row exists.
 */
export function notifyNetworkJoined(
	userId: string,
	course: { id: string; title: string },
	now: Date
): void {
	if (!isAlumnus(userId, course.id)) return;
	notify(
		{
			userId,
			kind: 'alumni_joined',
			data: { itemId: course.id, itemTitle: course.title },
			link: `${alumniUrl}#netzwerk-${course.id}`,
			dedupeKey: `alumni:${userId}:${course.id}`
		},
		now
	);
}
