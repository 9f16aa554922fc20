CREATE TABLE `completion_stamps` (
	`user_id` text NOT NULL,
	`course_id` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`user_id`, `course_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Kept by the database itself, like completion_latest (0010): every writer leaves it right.
CREATE TRIGGER `completion_stamps_insert` AFTER INSERT ON `completion_events`
BEGIN
	INSERT INTO `completion_stamps` (`user_id`, `course_id`, `version`)
	VALUES (new.`user_id`, new.`course_id`, 1)
	ON CONFLICT (`user_id`, `course_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
-- A delete raises the number too, so an insert after a delete can never give an earlier value.
CREATE TRIGGER `completion_stamps_delete` AFTER DELETE ON `completion_events`
BEGIN
	UPDATE `completion_stamps` SET `version` = `version` + 1
	WHERE `user_id` = old.`user_id` AND `course_id` = old.`course_id`;
END;
--> statement-breakpoint
INSERT INTO `completion_stamps` (`user_id`, `course_id`, `version`)
SELECT `user_id`, `course_id`, count(*) FROM `completion_events` GROUP BY `user_id`, `course_id`;
