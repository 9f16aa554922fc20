import { and, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { mentoringPairs, mentorOffers, users } from '../db/schema';
import { isAlumnus } from './eligibility';

export type MentorOffer = typeof mentorOffers.$inferSelect;

export interface OfferInput {
	topics: string[];
	languages: string[];
	capacity: number;
	paused: boolean;
}

export function getOwnOffer(userId: string): MentorOffer | undefined {
	return getDb().select().from(mentorOffers).where(eq(mentorOffers.userId, userId)).get();
}

/** Creates or changes the alumnus' one offer; only alumni may offer. */
export function saveOffer(
	userId: string,
	input: OfferInput,
	now = new Date()
): { ok: true } | { ok: false; reason: 'not_alumnus' } {
	if (!isAlumnus(userId)) return { ok: false, reason: 'not_alumnus' };
	getDb()
		.insert(mentorOffers)
		.values({ id: generateId(), userId, ...input, createdAt: now, updatedAt: now })
		.onConflictDoUpdate({ target: mentorOffers.userId, set: { ...input, updatedAt: now } })
		.run();
	return { ok: true };
}

/** Confirmed mentees per mentor. */
export function confirmedCounts(mentorIds: string[]): Map<string, number> {
	if (!mentorIds.length) return new Map();
	const rows = getDb()
		.select({ mentorId: mentoringPairs.mentorId, n: count() })
		.from(mentoringPairs)
		.where(and(inArray(mentoringPairs.mentorId, mentorIds), eq(mentoringPairs.status, 'confirmed')))
		.groupBy(mentoringPairs.mentorId)
		.all();
	return new Map(rows.map((row) => [row.mentorId ?? '', row.n]));
}

export interface OfferFilter {
	topic?: string;
	language?: string;
}

export interface ListedOffer {
	id: string;
	mentorName: string;
	topics: string[];
	languages: string[];
	freePlaces: number;
}

const sameText = (a: string, b: string) => a.toLocaleLowerCase('de') === b.toLocaleLowerCase('de');

/**
 * Offers a learner may ask for: not paused, of an active account that is still an alumnus, not
 * the viewer's own; with the topics and languages in them for the filter.
 */
export function listOffers(viewerId: string, filter: OfferFilter = {}) {
	const rows = getDb()
		.select({
			id: mentorOffers.id,
			userId: mentorOffers.userId,
			mentorName: users.name,
			topics: mentorOffers.topics,
			languages: mentorOffers.languages,
			capacity: mentorOffers.capacity
		})
		.from(mentorOffers)
		.innerJoin(users, eq(users.id, mentorOffers.userId))
		.where(
			and(
				eq(mentorOffers.paused, false),
				ne(mentorOffers.userId, viewerId),
				eq(users.active, true),
				isNull(users.erasedAt)
			)
		)
		.orderBy(users.name)
		.all()
		.filter((row) => isAlumnus(row.userId));
	const taken = confirmedCounts(rows.map((row) => row.userId));
	const facets = {
		topics: uniqueSorted(rows.flatMap((row) => row.topics)),
		languages: uniqueSorted(rows.flatMap((row) => row.languages))
	};
	const offers: ListedOffer[] = rows
		.filter(
			(row) =>
				(!filter.topic || row.topics.some((topic) => sameText(topic, filter.topic!))) &&
				(!filter.language || row.languages.some((lang) => sameText(lang, filter.language!)))
		)
		.map((row) => ({
			id: row.id,
			mentorName: row.mentorName,
			topics: row.topics,
			languages: row.languages,
			freePlaces: Math.max(0, row.capacity - (taken.get(row.userId) ?? 0))
		}));
	return { offers, facets };
}

function uniqueSorted(values: string[]): string[] {
	const byKey = new Map<string, string>();
	for (const value of values) byKey.set(value.toLocaleLowerCase('de'), value);
	return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'de'));
}
