CREATE TABLE `deletion_requests` (
	`user_id` text PRIMARY KEY NOT NULL,
	`requested_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`keep_certificates_verifiable` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `erased_certificates` (
	`code` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`serial` integer NOT NULL,
	`erased_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `erased_certificates_year_idx` ON `erased_certificates` (`year`,`serial`);--> statement-breakpoint
CREATE TABLE `retention_warnings` (
	`user_id` text NOT NULL,
	`reason` text NOT NULL,
	`object_id` text DEFAULT '' NOT NULL,
	`warned_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `reason`, `object_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `users` ADD `last_active_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `erased_at` integer;