import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { users } from './accounts';
import { discussionPosts } from './discussions';

/**
 * Files attached to an Austausch post, stored like submission uploads (UPLOAD_DIR, random name).
 * The rows go with their post (cascade); the files on disk are removed by the code that deletes.
 */
export const discussionAttachments = sqliteTable(
	'discussion_attachments',
	{
		id: text('id').primaryKey(),
		postId: text('post_id')
			.notNull()
			.references(() => discussionPosts.id, { onDelete: 'cascade' }),
		/** Who uploaded it: the post's author when it was written (the post may be anonymised later). */
		uploaderId: text('uploader_id')
			.notNull()
			.references(() => users.id),
		storedName: text('stored_name').notNull().unique(),
		originalName: text('original_name').notNull(),
		mimeType: text('mime_type').notNull(),
		size: integer('size').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		index('discussion_attachments_post_idx').on(t.postId),
		index('discussion_attachments_uploader_idx').on(t.uploaderId)
	]
);
