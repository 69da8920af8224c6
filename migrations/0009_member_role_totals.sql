-- How many members hold each role string of an organization (/org/<slug>/roles counts the holders of each custom
-- role), kept by triggers instead of reading every member's role on each view (5,000 rows at the bench's size). The
-- key is the member's role column as stored (a comma list such as "admin,auditor"); the page splits it.
-- A migration that rebuilds `member` must create these triggers again and recount.
CREATE TABLE `organization_role_total` (
	`organization_id` text NOT NULL REFERENCES `organization`(`id`) ON DELETE CASCADE,
	`role` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY (`organization_id`, `role`)
);--> statement-breakpoint
INSERT INTO `organization_role_total` (`organization_id`, `role`, `n`)
  SELECT `organization_id`, `role`, count(*) FROM `member` GROUP BY `organization_id`, `role`;--> statement-breakpoint
CREATE TRIGGER `member_role_total_insert` AFTER INSERT ON `member` BEGIN
  INSERT INTO `organization_role_total` (`organization_id`, `role`, `n`) VALUES (NEW.`organization_id`, NEW.`role`, 1)
    ON CONFLICT (`organization_id`, `role`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `member_role_total_delete` AFTER DELETE ON `member` BEGIN
  UPDATE `organization_role_total` SET `n` = `n` - 1
    WHERE `organization_id` = OLD.`organization_id` AND `role` = OLD.`role`;
  DELETE FROM `organization_role_total`
    WHERE `organization_id` = OLD.`organization_id` AND `role` = OLD.`role` AND `n` <= 0;
END;--> statement-breakpoint
CREATE TRIGGER `member_role_total_update` AFTER UPDATE OF `role`, `organization_id` ON `member` BEGIN
  UPDATE `organization_role_total` SET `n` = `n` - 1
    WHERE `organization_id` = OLD.`organization_id` AND `role` = OLD.`role`;
  DELETE FROM `organization_role_total`
    WHERE `organization_id` = OLD.`organization_id` AND `role` = OLD.`role` AND `n` <= 0;
  INSERT INTO `organization_role_total` (`organization_id`, `role`, `n`) VALUES (NEW.`organization_id`, NEW.`role`, 1)
    ON CONFLICT (`organization_id`, `role`) DO UPDATE SET `n` = `n` + 1;
END;
