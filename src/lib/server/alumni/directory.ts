import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core';
import { getDb } from '../db';
import { equalsLiteral } from '../db/literal';
import { pageOfQuery } from '../db/paging';
import { alumniOptOuts, alumniProfiles, certificates, users } from '../db/schema';
import type { AlumniProfile } from './profile';
import type { DirectoryEntry } from '$lib/alumni';

export const DIRECTORY_PAGE_SIZE = 20;

export interface DirectoryFilter {
	language?: string;
	topic?: string;
}

/** Exactly what the person opted in to show; nothing of the profile unless it is visible. */
export function directoryEntry(person: {
	userId: string;
	name: string;
	email: string;
	profile: AlumniProfile;
}): DirectoryEntry | null {
	const { profile } = person;
	if (!profile.visible) return null;
	return {
		id: person.userId,
		name: profile.showName ? person.name : null,
		organisation: profile.showOrganisation && profile.organisation ? profile.organisation : null,
		languages: profile.showLanguages ? profile.languages : [],
		topics: profile.showTopics ? profile.topics : [],
		contact:
			profile.contact === 'email'
				? { kind: 'email', value: person.email }
				: profile.contact === 'phone' && profile.phone
					? { kind: 'phone', value: profile.phone }
					: profile.contact === 'platform'
						? { kind: 'platform', value: null }
						: null
	};
}

/** The person shows the list (languages or topics) and it holds the value, in any case. */
function shownListHolds(list: 'languages' | 'topics', value: string): SQL | undefined {
	const [column, shown] =
		list === 'languages'
			? [alumniProfiles.languages, alumniProfiles.showLanguages]
			: [alumniProfiles.topics, alumniProfiles.showTopics];
	return and(
		eq(shown, true),
		sql`exists (select 1 from json_each(${column}) where lower(json_each.value) = lower(${value}))`
	);
}

/** Visible profiles of the network's members: a valid certificate, not left, active account. */
function visibleMembers(courseId: string): SQL | undefined {
	return and(
		eq(certificates.courseId, courseId),
		equalsLiteral(certificates.status, 'valid'),
		eq(users.active, true),
		isNull(users.erasedAt),
		isNull(alumniOptOuts.userId),
		eq(alumniProfiles.visible, true)
	);
}

/** The profile, its account, the course's certificate and any opt-out of the network. */
function withMembership<T extends SQLiteSelect>(query: T) {
	return query
		.innerJoin(users, eq(users.id, alumniProfiles.userId))
		.innerJoin(certificates, eq(certificates.userId, alumniProfiles.userId))
		.leftJoin(
			alumniOptOuts,
			and(
				eq(alumniOptOuts.userId, alumniProfiles.userId),
				eq(alumniOptOuts.courseId, certificates.courseId)
			)
		);
}

/** One page of the directory; people who show their name first, by name. */
export function listDirectory(courseId: string, filter: DirectoryFilter, page: number) {
	const db = getDb();
	const where = and(
		visibleMembers(courseId),
		filter.language ? shownListHolds('languages', filter.language) : undefined,
		filter.topic ? shownListHolds('topics', filter.topic) : undefined
	);
	const result = pageOfQuery(
		withMembership(db.select({ n: count() }).from(alumniProfiles).$dynamic()).where(where),
		withMembership(
			db
				.select({ userId: users.id, name: users.name, email: users.email, profile: alumniProfiles })
				.from(alumniProfiles)
				.$dynamic()
		)
			.where(where)
			.orderBy(
				sql`case when ${alumniProfiles.showName} then 0 else 1 end`,
				sql`case when ${alumniProfiles.showName} then lower(${users.name}) end`,
				asc(users.id)
			),
		page,
		DIRECTORY_PAGE_SIZE
	);
	return {
		...result,
		rows: result.rows.map((row) => directoryEntry(row)).filter((entry) => entry !== null)
	};
}

/** The languages and topics the directory can be filtered by: those shown in it. */
export function directoryChoices(courseId: string) {
	const rows = withMembership(
		getDb().select({ profile: alumniProfiles }).from(alumniProfiles).$dynamic()
	)
		.where(visibleMembers(courseId))
		.all();
	const collect = (lists: string[][]) => {
		const seen = new Map<string, string>();
		for (const value of lists.flat())
			if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
		return [...seen.values()].sort((a, b) => a.localeCompare(b, 'de'));
	};
	return {
		languages: collect(
			rows.filter((row) => row.profile.showLanguages).map((row) => row.profile.languages)
		),
		topics: collect(rows.filter((row) => row.profile.showTopics).map((row) => row.profile.topics))
	};
}
