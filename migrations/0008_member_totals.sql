-- The unfiltered member total of an organization (/org/<slug>/members, /org/<slug>, /admin/organizations) without
-- counting its members on every view (5,000 index entries read per page at the bench's size; D1 bills rows read): a
-- counter per organization kept by triggers, as user_total (0006) is for users. Searched and filtered totals still
-- count their matches. A migration that rebuilds `member` must create these triggers again and recount.
CREATE TABLE `organization_member_total` (
	`organization_id` text PRIMARY KEY NOT NULL REFERENCES `organization`(`id`) ON DELETE CASCADE,
	`n` integer NOT NULL
);--> statement-breakpoint
INSERT INTO `organization_member_total` (`organization_id`, `n`)
  SELECT `organization_id`, count(*) FROM `member` GROUP BY `organization_id`;--> statement-breakpoint
CREATE TRIGGER `member_total_insert` AFTER INSERT ON `member` BEGIN
  INSERT INTO `organization_member_total` (`organization_id`, `n`) VALUES (NEW.`organization_id`, 1)
    ON CONFLICT (`organization_id`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `member_total_delete` AFTER DELETE ON `member` BEGIN
  UPDATE `organization_member_total` SET `n` = `n` - 1 WHERE `organization_id` = OLD.`organization_id`;
END;
--> statement-breakpoint
-- The organization total of /admin, the same way.
CREATE TABLE `organization_total` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`n` integer NOT NULL
);--> statement-breakpoint
INSERT INTO `organization_total` (`id`, `n`) SELECT 1, count(*) FROM `organization`;--> statement-breakpoint
CREATE TRIGGER `organization_total_insert` AFTER INSERT ON `organization` BEGIN
  UPDATE `organization_total` SET `n` = `n` + 1 WHERE `id` = 1;
END;--> statement-breakpoint
CREATE TRIGGER `organization_total_delete` AFTER DELETE ON `organization` BEGIN
  UPDATE `organization_total` SET `n` = `n` - 1 WHERE `id` = 1;
END;
