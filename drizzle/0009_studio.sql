CREATE TABLE `authoring_grants` (
	`user_id` text NOT NULL,
	`course_id` text NOT NULL,
	`granted_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `course_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`granted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `content_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`course_dir` text NOT NULL,
	`path` text NOT NULL,
	`content` blob,
	`base_hash` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `content_drafts_course_idx` ON `content_drafts` (`user_id`,`course_dir`);--> statement-breakpoint
CREATE UNIQUE INDEX `content_drafts_user_path` ON `content_drafts` (`user_id`,`path`);