ALTER TABLE `users` ADD `email_confirmed_at` integer;--> statement-breakpoint
-- Accounts made before this migration count as confirmed: they have received their mails all along,
-- and holding them back now would silence every existing account at once.
UPDATE `users` SET `email_confirmed_at` = `created_at`;
