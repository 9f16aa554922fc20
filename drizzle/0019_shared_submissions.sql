CREATE TABLE `shared_submissions` (
	`thread_id` text PRIMARY KEY NOT NULL,
	`submission_id` text,
	`author_id` text NOT NULL,
	`text` text,
	`excerpt` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`thread_id`) REFERENCES `discussion_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shared_submissions_live_idx` ON `shared_submissions` (`submission_id`) WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX `shared_submissions_author_idx` ON `shared_submissions` (`author_id`);