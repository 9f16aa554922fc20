-- The audit log is append-only: no UPDATE ever, and a DELETE only for entries older than a
-- cutoff that the retention job writes into audit_log_purge within its own transaction.
CREATE TABLE `audit_log_purge` (`cutoff` integer NOT NULL);
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
WHEN NOT EXISTS (SELECT 1 FROM `audit_log_purge` WHERE old.`at` < `audit_log_purge`.`cutoff`)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
