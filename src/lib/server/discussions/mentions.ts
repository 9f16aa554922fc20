import type { ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import type { SessionUser } from '../auth/session';
import { markdownExcerpt } from '../assignments/markdown';
import { getDb } from '../db';
import { alumniUserIds } from '../alumni/membership';
import { enrolments, users } from '../db/schema';
import { notify } from '../notifications';
import { postUrl } from './links';
import { mentionNoticeKey } from './notice-keys';
import { spaceRoleOf, toSpace, trainerIdsOf, type SpaceRef } from './space';

// Mentions are written `@[Vorname Nachname]`: the brackets make names with spaces unambiguous
// without a script. Only the space's members and trainers (a cohort's learners and trainers, a
// course's alumni and the trainers of its cohorts) can be mentioned; anything else stays plain
// text. Nothing is stored: the names are matched when a post is saved (to notify) and when it is
// shown (to highlight), against the space as it is then.

const MENTION = /@\[([^\]\n]{1,120})\]/g;
const NAME_MAX = 120;

const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');

/** The names a Markdown text mentions, normalised for comparison. */
export function mentionedKeys(markdown: string): Set<string> {
	return new Set([...markdown.matchAll(MENTION)].map((match) => key(match[1]!)));
}

export interface MentionablePerson {
	id: string;
	name: string;
	role: SessionUser['role'];
}

/** The space's active members and trainers, by name (who can be mentioned). */
export function mentionablePeople(ref: SpaceRef): MentionablePerson[] {
	const db = getDb();
	const space = toSpace(ref);
	const memberIds =
		space.kind === 'cohort'
			? db
					.select({ id: enrolments.userId })
					.from(enrolments)
					.where(eq(enrolments.cohortId, space.cohortId))
					.all()
					.map((row) => row.id)
			: alumniUserIds([space.courseId]);
	const ids = [...new Set([...memberIds, ...trainerIdsOf(space)])];
	if (ids.length === 0) return [];
	return db
		.select({ id: users.id, name: users.name, role: users.role })
		.from(users)
		.where(and(inArray(users.id, ids), eq(users.active, true), isNull(users.erasedAt)))
		.all()
		.filter((person) => person.name.length <= NAME_MAX)
		.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** The normalised names that are highlighted in this cohort's posts. */
export const mentionableKeys = (people: MentionablePerson[]) =>
	new Set(people.map((person) => key(person.name)));

/** Elements whose text is shown as written: a mention there stays plain. */
const VERBATIM = new Set(['code', 'pre']);

/**
 * Marks mentions of the space's people in a post's sanitised tree (renderUserMarkdown's
 * `marking`): only text nodes outside code change, so markup in a name or an attribute stays text.
 */
export function highlightMentions(tree: HastRoot, names: Set<string>): void {
	if (names.size === 0) return;
	visit(tree, (node, index, parent) => {
		if (node.type === 'element' && VERBATIM.has(node.tagName)) return SKIP;
		if (node.type !== 'text' || !parent || index === undefined) return CONTINUE;
		const parts = withMentions(node.value, names);
		if (parts.length === 1) return CONTINUE;
		parent.children.splice(index, 1, ...parts);
		return [SKIP, index + parts.length];
	});
}

function withMentions(text: string, names: Set<string>): ElementContent[] {
	const parts: ElementContent[] = [];
	let from = 0;
	for (const match of text.matchAll(MENTION)) {
		if (!names.has(key(match[1]!))) continue;
		if (match.index > from) parts.push({ type: 'text', value: text.slice(from, match.index) });
		parts.push(h('strong', { className: ['mention'] }, `@${match[1]}`));
		from = match.index + match[0].length;
	}
	if (from < text.length) parts.push({ type: 'text', value: text.slice(from) });
	return parts;
}

/**
 * Tells the space's people a post mentions (not its author) with a 'discussion_mention' notice,
 * once per post and person, even when an edit mentions them again. Returns whom it told, so the
 * reply notice can leave them out. Call inside the post's transaction.
 */
export function notifyMentions(
	post: { space: SpaceRef; threadId: string; threadTitle: string; postId: string; body: string },
	author: SessionUser,
	now: Date
): Set<string> {
	const wanted = mentionedKeys(post.body);
	const told = new Set<string>();
	if (wanted.size === 0) return told;
	for (const person of mentionablePeople(post.space)) {
		if (person.id === author.id || !wanted.has(key(person.name))) continue;
		if (!spaceRoleOf(person, post.space)) continue;
		notify(
			{
				userId: person.id,
				kind: 'discussion_mention',
				// learnerName: erasing an account removes notices that name the person (erase.ts).
				data: {
					itemTitle: post.threadTitle,
					learnerName: author.name,
					excerpt: markdownExcerpt(post.body)
				},
				link: postUrl(post.space, post.threadId, post.postId),
				dedupeKey: `${mentionNoticeKey(post.postId)}${person.id}`
			},
			now
		);
		told.add(person.id);
	}
	return told;
}
