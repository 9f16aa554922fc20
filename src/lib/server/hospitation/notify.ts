import { eq } from 'drizzle-orm';
import { markdownExcerpt } from '../assignments/markdown';
import { decidersFor } from '../cohorts/access';
import { getDb } from '../db';
import {
	hospitationOffers as offers,
	hospitationOrganisations as organisations
} from '../db/schema';
import { notify } from '../notifications';

/** "Offer – organisation", as notices and mails name a Hospitation. */
function offerLabel(offerId: string): string {
	const offer = getDb()
		.select({ title: offers.title, organisation: organisations.name })
		.from(offers)
		.innerJoin(organisations, eq(organisations.id, offers.organisationId))
		.where(eq(offers.id, offerId))
		.get();
	return offer ? `${offer.title} – ${offer.organisation}` : '';
}

/**
 * Tells the applicant in-app and, as their mail preference for mentoring says, by mail; the
 * reason of a refusal is quoted. Once per application and decision (a decision is final).
 */
export function notifyDecision(
	application: { id: string; offerId: string; userId: string },
	decision: 'hospitation_accepted' | 'hospitation_declined',
	now: Date,
	reason?: string
) {
	notify(
		{
			userId: application.userId,
			kind: 'mentoring_update',
			data: {
				mentoringEvent: decision,
				itemTitle: offerLabel(application.offerId),
				excerpt: reason
			},
			link: '/hospitation#bewerbungen',
			dedupeKey: `hospitation:${application.id}:${decision}`
		},
		now
	);
}

/** How the deciders' notices of an application begin their dedupe keys. */
export const applicationNoticeKey = (applicationId: string) =>
	`hospitation:${applicationId}:applied:`;

/**
 * Tells the people who decide it (see listOpenApplications) about a new application, as a
 * mentoring request is told: the trainers of the learner's cohorts, else the admins. Applying
 * again after a withdrawal is told again.
 */
export function notifyApplication(
	application: { id: string; offerId: string; motivation: string },
	learner: { id: string; name: string },
	now: Date
) {
	const itemTitle = offerLabel(application.offerId);
	for (const to of decidersFor(learner.id)) {
		notify(
			{
				userId: to,
				kind: 'mentoring_update',
				data: {
					mentoringEvent: 'hospitation_applied',
					learnerName: learner.name,
					itemTitle,
					excerpt: markdownExcerpt(application.motivation)
				},
				link: `/hospitation/bewerbungen#bewerbung-${application.id}`,
				dedupeKey: `${applicationNoticeKey(application.id)}${now.getTime()}:${to}`
			},
			now
		);
	}
}
