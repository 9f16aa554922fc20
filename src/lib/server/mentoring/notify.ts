import type { MentoringEvent } from '$lib/notifications';
import { notify } from '../notifications';
import { pairUrl } from './links';

/**
 * Tells one person of a pair what happened. `otherName` is the person who caused it (erasing
 * their account removes notices that name them, see privacy/erase.ts).
 */
export function notifyPair(
	to: string,
	event: MentoringEvent,
	input: { pairId: string; otherName: string; key: string; excerpt?: string },
	now: Date
): void {
	notify(
		{
			userId: to,
			kind: 'mentoring_update',
			data: { mentoringEvent: event, learnerName: input.otherName, excerpt: input.excerpt },
			link: event === 'declined' ? '/mentoring' : pairUrl(input.pairId),
			dedupeKey: `mentoring:${input.key}:${to}`
		},
		now
	);
}
