CREATE TABLE `completion_latest` (
	`user_id` text NOT NULL,
	`course_id` text NOT NULL,
	`item_id` text NOT NULL,
	`submitted` integer NOT NULL,
	`event_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `course_id`, `item_id`, `submitted`)
);
--> statement-breakpoint
-- Kept by the database itself, so every writer (the app, a restore, a test's direct insert)
-- leaves it right. Ties on `at` go to the later event, as when deriving from the whole log.
CREATE TRIGGER `completion_latest_insert` AFTER INSERT ON `completion_events`
BEGIN
	INSERT INTO `completion_latest` (`user_id`, `course_id`, `item_id`, `submitted`, `event_id`, `kind`, `source`, `at`)
	VALUES (new.`user_id`, new.`course_id`, new.`item_id`, new.`source` = 'assignment_submitted' AND new.`kind` = 'completed', new.`id`, new.`kind`, new.`source`, new.`at`)
	ON CONFLICT (`user_id`, `course_id`, `item_id`, `submitted`) DO UPDATE SET
		`event_id` = excluded.`event_id`, `kind` = excluded.`kind`, `source` = excluded.`source`, `at` = excluded.`at`
	WHERE excluded.`at` > `completion_latest`.`at`
		OR (excluded.`at` = `completion_latest`.`at` AND excluded.`event_id` > `completion_latest`.`event_id`);
END;
--> statement-breakpoint
-- Deleting the event a row stands for puts the item's previous event in its place, if any.
CREATE TRIGGER `completion_latest_delete` AFTER DELETE ON `completion_events`
BEGIN
	DELETE FROM `completion_latest` WHERE `event_id` = old.`id`
		AND `user_id` = old.`user_id` AND `course_id` = old.`course_id` AND `item_id` = old.`item_id`;
	INSERT INTO `completion_latest` (`user_id`, `course_id`, `item_id`, `submitted`, `event_id`, `kind`, `source`, `at`)
	SELECT `user_id`, `course_id`, `item_id`, `source` = 'assignment_submitted' AND `kind` = 'completed', `id`, `kind`, `source`, `at`
	FROM `completion_events`
	WHERE `user_id` = old.`user_id` AND `course_id` = old.`course_id` AND `item_id` = old.`item_id`
		AND (`source` = 'assignment_submitted' AND `kind` = 'completed') = (old.`source` = 'assignment_submitted' AND old.`kind` = 'completed')
		AND NOT EXISTS (
			SELECT 1 FROM `completion_latest` AS `l`
			WHERE `l`.`user_id` = old.`user_id` AND `l`.`course_id` = old.`course_id` AND `l`.`item_id` = old.`item_id`
				AND `l`.`submitted` = (old.`source` = 'assignment_submitted' AND old.`kind` = 'completed')
		)
	ORDER BY `at` DESC, `id` DESC
	LIMIT 1;
END;
--> statement-breakpoint
-- The log is append-only; an update would leave the latest rows wrong.
CREATE TRIGGER `completion_events_no_update` BEFORE UPDATE ON `completion_events`
BEGIN
	SELECT RAISE(ABORT, 'completion_events is append-only');
END;
--> statement-breakpoint
INSERT INTO `completion_latest` (`user_id`, `course_id`, `item_id`, `submitted`, `event_id`, `kind`, `source`, `at`)
SELECT `user_id`, `course_id`, `item_id`, `submitted`, `id`, `kind`, `source`, `at`
FROM (
	SELECT *, (`source` = 'assignment_submitted' AND `kind` = 'completed') AS `submitted`,
		row_number() OVER (
			PARTITION BY `user_id`, `course_id`, `item_id`, (`source` = 'assignment_submitted' AND `kind` = 'completed')
			ORDER BY `at` DESC, `id` DESC
		) AS `n`
	FROM `completion_events`
)
WHERE `n` = 1;
