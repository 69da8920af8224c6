-- Weekly and monthly active users without reading one index entry per active user (db/schema/activity.ts
-- `lastActiveDay`): how many users have each day as their last active day, per scope. Each `user_last_active` row is
-- in exactly one day's count, so a window's active users are the sum of its days' counts (at most one row per day).
CREATE TABLE `last_active_day` (
	`scope` text NOT NULL,
	`day` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`scope`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `last_active_day` (`scope`, `day`, `n`)
  SELECT `scope`, `day`, count(*) FROM `user_last_active` WHERE true GROUP BY `scope`, `day`
  ON CONFLICT (`scope`, `day`) DO UPDATE SET `n` = `n` + excluded.`n`;
--> statement-breakpoint
-- Kept in step with every change of `user_last_active`, in the same statement as the change (the triggers of 0016 move
-- a row's day forward; nothing deletes one today, but a delete keeps the counts true too).
CREATE TRIGGER `last_active_day_insert` AFTER INSERT ON `user_last_active`
BEGIN
  INSERT INTO `last_active_day` (`scope`, `day`, `n`) VALUES (NEW.`scope`, NEW.`day`, 1)
    ON CONFLICT (`scope`, `day`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `last_active_day_update` AFTER UPDATE OF `scope`, `day` ON `user_last_active`
WHEN NEW.`scope` IS NOT OLD.`scope` OR NEW.`day` IS NOT OLD.`day`
BEGIN
  UPDATE `last_active_day` SET `n` = `n` - 1 WHERE `scope` = OLD.`scope` AND `day` = OLD.`day`;
  INSERT INTO `last_active_day` (`scope`, `day`, `n`) VALUES (NEW.`scope`, NEW.`day`, 1)
    ON CONFLICT (`scope`, `day`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `last_active_day_delete` AFTER DELETE ON `user_last_active`
BEGIN
  UPDATE `last_active_day` SET `n` = `n` - 1 WHERE `scope` = OLD.`scope` AND `day` = OLD.`day`;
END;
