CREATE TABLE `discussion_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`post_id` text NOT NULL,
	`uploader_id` text NOT NULL,
	`stored_name` text NOT NULL,
	`original_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `discussion_posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `discussion_attachments_stored_name_unique` ON `discussion_attachments` (`stored_name`);--> statement-breakpoint
CREATE INDEX `discussion_attachments_post_idx` ON `discussion_attachments` (`post_id`);--> statement-breakpoint
CREATE INDEX `discussion_attachments_uploader_idx` ON `discussion_attachments` (`uploader_id`);