CREATE TABLE `discussion_posts` (
	`id` text PRIMARY KEY NOT NULL,
	`thread_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`hidden_at` integer,
	`hidden_reason` text,
	FOREIGN KEY (`thread_id`) REFERENCES `discussion_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `discussion_posts_thread_idx` ON `discussion_posts` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `discussion_reads` (
	`user_id` text NOT NULL,
	`thread_id` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `thread_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thread_id`) REFERENCES `discussion_threads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `discussion_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`post_id` text NOT NULL,
	`reporter_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`post_id`) REFERENCES `discussion_posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `discussion_reports_post_reporter_idx` ON `discussion_reports` (`post_id`,`reporter_id`);--> statement-breakpoint
CREATE INDEX `discussion_reports_open_idx` ON `discussion_reports` (`resolved_at`);--> statement-breakpoint
CREATE TABLE `discussion_threads` (
	`id` text PRIMARY KEY NOT NULL,
	`cohort_id` text NOT NULL,
	`module_id` text,
	`item_id` text,
	`title` text NOT NULL,
	`author_id` text NOT NULL,
	`pinned` integer DEFAULT false NOT NULL,
	`locked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_post_at` integer NOT NULL,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `discussion_threads_cohort_idx` ON `discussion_threads` (`cohort_id`,`pinned`,`last_post_at`);