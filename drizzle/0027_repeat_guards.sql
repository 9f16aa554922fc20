CREATE TABLE `repeat_guards` (
	`key` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`result` text
);
--> statement-breakpoint
CREATE INDEX `repeat_guards_at_idx` ON `repeat_guards` (`at`);