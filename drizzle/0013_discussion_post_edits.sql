ALTER TABLE `discussion_posts` ADD `edited_at` integer;--> statement-breakpoint
ALTER TABLE `discussion_posts` ADD `deleted_at` integer;