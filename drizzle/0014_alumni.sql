CREATE TABLE `alumni_opt_outs` (
	`user_id` text NOT NULL,
	`course_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `course_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `alumni_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`visible` integer DEFAULT false NOT NULL,
	`show_name` integer DEFAULT false NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`show_organisation` integer DEFAULT false NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`show_languages` integer DEFAULT false NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`show_topics` integer DEFAULT false NOT NULL,
	`contact` text DEFAULT 'none' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `alumni_threads` (
	`thread_id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `discussion_threads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alumni_threads_course_idx` ON `alumni_threads` (`course_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_discussion_threads` (
	`id` text PRIMARY KEY NOT NULL,
	`cohort_id` text,
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
INSERT INTO `__new_discussion_threads`("id", "cohort_id", "module_id", "item_id", "title", "author_id", "pinned", "locked_at", "created_at", "last_post_at") SELECT "id", "cohort_id", "module_id", "item_id", "title", "author_id", "pinned", "locked_at", "created_at", "last_post_at" FROM `discussion_threads`;--> statement-breakpoint
DROP TABLE `discussion_threads`;--> statement-breakpoint
ALTER TABLE `__new_discussion_threads` RENAME TO `discussion_threads`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `discussion_threads_cohort_idx` ON `discussion_threads` (`cohort_id`,`pinned`,`last_post_at`);