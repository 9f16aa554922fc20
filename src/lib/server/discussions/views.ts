import { m } from '$lib/paraglide/messages.js';
import { renderUserMarkdown } from '../assignments/markdown';
import type { DiscussionRole } from './access';
import { highlightMentions } from './mentions';
import type { PostRow } from './threads';
import type { PostView } from '$lib/discussions';

/** The name shown for an author; an erased account's posts stay, without the person. */
export const authorLabel = (author: { authorName: string; authorErased: boolean }) =>
	author.authorErased ? m.discussions_former_member() : author.authorName;

/**
 * What a reader sees of a post: a hidden post's text and reason only for its author and the
 * moderators; everyone else gets "ausgeblendet".
 */
export function postView(
	post: PostRow,
	viewerId: string,
	role: DiscussionRole,
	trainerIds: Set<string>,
	threadLocked = false,
	/** Normalised names of the cohort's people (mentionableKeys): their mentions are marked. */
	mentionable: Set<string> = new Set()
): PostView {
	const own = post.authorId === viewerId;
	const deleted = post.deletedAt !== null;
	const hidden = post.hiddenAt !== null && !deleted;
	const mayRead = !deleted && (!hidden || own || role === 'moderator');
	return {
		id: post.id,
		authorName: authorLabel(post),
		byTrainer: trainerIds.has(post.authorId),
		own,
		createdAt: post.createdAt,
		html: mayRead
			? renderUserMarkdown(post.body, (tree) => highlightMentions(tree, mentionable))
			: null,
		hidden,
		hiddenReason: hidden && (own || role === 'moderator') ? post.hiddenReason : null,
		canReport: role === 'member' && !own && !hidden && !deleted && !post.authorErased,
		editedAt: deleted ? null : post.editedAt,
		deleted,
		canEdit: own && !deleted && !threadLocked,
		canDelete: own && !deleted,
		attachments: mayRead ? (post.attachments ?? []) : []
	};
}
