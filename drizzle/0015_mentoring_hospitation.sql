CREATE TABLE `mentor_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`topics` text NOT NULL,
	`languages` text NOT NULL,
	`capacity` integer NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentor_offers_user_idx` ON `mentor_offers` (`user_id`);--> statement-breakpoint
CREATE TABLE `mentoring_meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`pair_id` text NOT NULL,
	`author_id` text NOT NULL,
	`met_on` text NOT NULL,
	`topic` text NOT NULL,
	`note` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`pair_id`) REFERENCES `mentoring_pairs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentoring_meetings_pair_idx` ON `mentoring_meetings` (`pair_id`,`met_on`);--> statement-breakpoint
CREATE TABLE `mentoring_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`pair_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`pair_id`) REFERENCES `mentoring_pairs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentoring_messages_pair_idx` ON `mentoring_messages` (`pair_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `mentoring_pairs` (
	`id` text PRIMARY KEY NOT NULL,
	`mentee_id` text NOT NULL,
	`offer_id` text,
	`mentor_id` text,
	`message` text NOT NULL,
	`status` text DEFAULT 'requested' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decline_reason` text,
	`ended_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`mentee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offer_id`) REFERENCES `mentor_offers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentoring_pairs_mentee_idx` ON `mentoring_pairs` (`mentee_id`,`status`);--> statement-breakpoint
CREATE INDEX `mentoring_pairs_mentor_idx` ON `mentoring_pairs` (`mentor_id`,`status`);--> statement-breakpoint
CREATE INDEX `mentoring_pairs_status_idx` ON `mentoring_pairs` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `hospitation_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`offer_id` text NOT NULL,
	`user_id` text NOT NULL,
	`motivation` text NOT NULL,
	`status` text DEFAULT 'applied' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decline_reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`offer_id`) REFERENCES `hospitation_offers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hospitation_applications_offer_user_idx` ON `hospitation_applications` (`offer_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `hospitation_applications_status_idx` ON `hospitation_applications` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `hospitation_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`places` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `hospitation_organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hospitation_offers_org_idx` ON `hospitation_offers` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `hospitation_organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`district` text NOT NULL,
	`address` text NOT NULL,
	`contact` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `submissions` ADD `hospitation_id` text REFERENCES hospitation_applications(id);