CREATE TABLE `erased_event_confirmations` (
	`code` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`serial` integer NOT NULL,
	`erased_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `erased_event_confirmations_year_idx` ON `erased_event_confirmations` (`year`,`serial`);--> statement-breakpoint
ALTER TABLE `hospitation_offers` ADD `closed_at` integer;