CREATE TABLE `quiz_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`snapshot` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `quiz_snapshots`("id", "snapshot") SELECT 'migrated-' || min("id"), "quiz_snapshot" FROM `quiz_attempts` GROUP BY "quiz_snapshot";--> statement-breakpoint
CREATE TABLE `__new_quiz_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`course_id` text NOT NULL,
	`quiz_id` text NOT NULL,
	`cohort_id` text,
	`content_hash` text NOT NULL,
	`snapshot_id` text NOT NULL,
	`layout` text NOT NULL,
	`answers` text,
	`status` text DEFAULT 'open' NOT NULL,
	`score` integer,
	`passed` integer,
	`result` text,
	`started_at` integer NOT NULL,
	`saved_at` integer,
	`submitted_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`snapshot_id`) REFERENCES `quiz_snapshots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_quiz_attempts`("id", "user_id", "course_id", "quiz_id", "cohort_id", "content_hash", "snapshot_id", "layout", "answers", "status", "score", "passed", "result", "started_at", "saved_at", "submitted_at") SELECT a."id", a."user_id", a."course_id", a."quiz_id", a."cohort_id", a."content_hash", (SELECT s."id" FROM `quiz_snapshots` s WHERE s."snapshot" = a."quiz_snapshot"), a."layout", a."answers", a."status", a."score", a."passed", a."result", a."started_at", a."saved_at", a."submitted_at" FROM `quiz_attempts` a;--> statement-breakpoint
DROP TABLE `quiz_attempts`;--> statement-breakpoint
ALTER TABLE `__new_quiz_attempts` RENAME TO `quiz_attempts`;--> statement-breakpoint
CREATE INDEX `quiz_attempts_user_quiz_idx` ON `quiz_attempts` (`user_id`,`quiz_id`);
