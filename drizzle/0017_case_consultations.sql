CREATE TABLE `case_consultation_posts` (
	`post_id` text PRIMARY KEY NOT NULL,
	`phase` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `discussion_posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_consultations` (
	`thread_id` text PRIMARY KEY NOT NULL,
	`case_giver_id` text NOT NULL,
	`moderator_id` text NOT NULL,
	`phase` integer DEFAULT 1 NOT NULL,
	`phase_changed_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`thread_id`) REFERENCES `discussion_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_giver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`moderator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_consultations_case_giver_idx` ON `case_consultations` (`case_giver_id`);--> statement-breakpoint
CREATE INDEX `case_consultations_moderator_idx` ON `case_consultations` (`moderator_id`);