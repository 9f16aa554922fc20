ALTER TABLE `repeat_guards` ADD `sender` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `repeat_guards` ADD `target` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `repeat_guards_sender_idx` ON `repeat_guards` (`sender`);