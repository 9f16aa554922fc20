import { and, eq, isNull } from 'drizzle-orm';
import type { MentoringEvent } from '$lib/notifications';
import { markdownExcerpt } from '../assignments/markdown';
import { trainersLeading } from '../cohorts/access';
import { getDb } from '../db';
import { users } from '../db/schema';
import { notify } from '../notifications';
import { MATCHING_URL, pairUrl } from './links';

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

/**
 * Tells the people who decide a new request (see listOpenRequests): the staff of the learner's
 * cohorts, or the admins when no one leads the learner's cohort (self-paced learners). The
 * wanted mentor is not told: staff decide first, and confirming tells both of the pair.
 */
export function notifyRequest(
	request: { pairId: string; mentee: { id: string; name: string }; message: string },
	now: Date
): void {
	const leaders = trainersLeading(request.mentee.id);
	const deciders = leaders.length ? leaders : activeAdmins();
	for (const to of deciders) {
		if (to === request.mentee.id) continue;
		notify(
			{
				userId: to,
				kind: 'mentoring_update',
				data: {
					mentoringEvent: 'requested',
					learnerName: request.mentee.name,
					excerpt: markdownExcerpt(request.message)
				},
				link: `${MATCHING_URL}#anfrage-${request.pairId}`,
				dedupeKey: `mentoring:${request.pairId}:requested:${to}`
			},
			now
		);
	}
}

function activeAdmins(): string[] {
	return getDb()
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'admin'), eq(users.active, true), isNull(users.erasedAt)))
		.all()
		.map((row) => row.id);
}
