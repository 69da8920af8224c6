-- What the query plans of the hot pages asked for (db/queries/query-plans.test.ts shows each plan).
-- /admin/users, newest first with id breaking ties: both from one index, no sort step over equal timestamps.
DROP INDEX `user_created_at_idx`;--> statement-breakpoint
CREATE INDEX `user_created_at_id_idx` ON `user` (`created_at`, `id`);--> statement-breakpoint
-- The audit trails, newest first with id breaking ties (same reason).
DROP INDEX `audit_event_at_idx`;--> statement-breakpoint
CREATE INDEX `audit_event_at_id_idx` ON `audit_event` (`at`, `id`);--> statement-breakpoint
-- The unfiltered total of /admin/users without counting every user on every view (100k index entries read per page;
-- D1 bills rows read): a one-row counter kept by triggers. Searched and filtered totals still count their matches.
-- Like user_search (0005), a migration that rebuilds `user` must create these triggers again and recount.
CREATE TABLE `user_total` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`n` integer NOT NULL
);--> statement-breakpoint
INSERT INTO `user_total` (`id`, `n`) SELECT 1, count(*) FROM `user`;--> statement-breakpoint
CREATE TRIGGER `user_total_insert` AFTER INSERT ON `user` BEGIN
  UPDATE `user_total` SET `n` = `n` + 1 WHERE `id` = 1;
END;--> statement-breakpoint
CREATE TRIGGER `user_total_delete` AFTER DELETE ON `user` BEGIN
  UPDATE `user_total` SET `n` = `n` - 1 WHERE `id` = 1;
END;
