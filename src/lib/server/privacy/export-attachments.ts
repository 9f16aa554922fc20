import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as t from '../db/schema';
import type { ExportedFile } from './export-data';
import { safeName } from './export-rows';

/**
 * The files the person attached to Austausch posts: listed in austausch.json and, as the
 * submissions' uploads, copied into the ZIP (under dateien/austausch/<post>/).
 */
export function collectDiscussionAttachments(userId: string) {
	const rows = getDb()
		.select({
			id: t.discussionAttachments.id,
			postId: t.discussionAttachments.postId,
			threadId: t.discussionPosts.threadId,
			storedName: t.discussionAttachments.storedName,
			originalName: t.discussionAttachments.originalName,
			mimeType: t.discussionAttachments.mimeType,
			size: t.discussionAttachments.size,
			createdAt: t.discussionAttachments.createdAt
		})
		.from(t.discussionAttachments)
		.innerJoin(t.discussionPosts, eq(t.discussionPosts.id, t.discussionAttachments.postId))
		.where(eq(t.discussionAttachments.uploaderId, userId))
		.all();
	const files: ExportedFile[] = rows.map((row) => ({
		fileId: row.id,
		storedName: row.storedName,
		path: `dateien/austausch/${row.postId}/${row.id}-${safeName(row.originalName)}`,
		size: row.size
	}));
	const attachments = rows.map(({ storedName: _s, ...row }, index) => ({
		...row,
		path: files[index]!.path
	}));
	return { attachments, files };
}
