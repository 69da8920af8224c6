-- Activity roll-ups (issue 20), see db/schema/activity.ts and README "Activity dashboards". Both tables are WITHOUT
-- ROWID (one row written per change, D1 bills index entries too). Order: tables, then the backfill from what the
-- records allow, then the triggers (so the backfill is not counted twice).
CREATE TABLE `activity_counter` (
	`scope` text NOT NULL,
	`day` text NOT NULL,
	`counter` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`scope`, `day`, `counter`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `user_last_active` (
	`scope` text NOT NULL,
	`user_id` text NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`scope`, `user_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `user_last_active_day_idx` ON `user_last_active` (`scope`,`day`);
--> statement-breakpoint
-- Backfill. Sign-ups from account creation, new organizations and members joining from their creation times; bans,
-- impersonations, invitations, role changes, refusals and (platform-wide) sign-ins and daily active users from the
-- audit trail. Failed sign-ins, lockouts and sign-ins per organization were never recorded: they start today
-- (`counting.began`).
INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`)
  SELECT '', date(u.`created_at` / 1000, 'unixepoch'), 'sign_up', count(*) FROM `user` u WHERE true GROUP BY 2
  ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
--> statement-breakpoint
INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`)
  SELECT '', date(o.`created_at` / 1000, 'unixepoch'), 'organization.created', count(*) FROM `organization` o WHERE true GROUP BY 2
  ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
--> statement-breakpoint
INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`)
  SELECT m.`organization_id`, date(m.`created_at` / 1000, 'unixepoch'), 'member.added', count(*) FROM `member` m WHERE true GROUP BY 1, 2
  ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
--> statement-breakpoint
INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`)
  SELECT '', date(a.`at` / 1000, 'unixepoch'), CASE
    WHEN a.`action` = 'user.sign_in' THEN CASE
      WHEN (CASE WHEN json_valid(a.`metadata`) THEN json_extract(a.`metadata`, '$.path') END) LIKE '/passkey/%' THEN 'sign_in.passkey'
      WHEN (CASE WHEN json_valid(a.`metadata`) THEN json_extract(a.`metadata`, '$.path') END) LIKE '%callback%' THEN 'sign_in.social'
      WHEN (CASE WHEN json_valid(a.`metadata`) THEN json_extract(a.`metadata`, '$.path') END) IN ('/sign-in/email', '/sign-up/email') OR (CASE WHEN json_valid(a.`metadata`) THEN json_extract(a.`metadata`, '$.path') END) LIKE '/two-factor/%' THEN 'sign_in.password'
      ELSE 'sign_in.other' END
    WHEN a.`action` = 'user.ban' THEN 'ban'
    WHEN a.`action` = 'impersonation.start' THEN 'impersonation'
    WHEN a.`action` = 'invitation.create' THEN 'invitation.sent'
    WHEN a.`action` = 'invitation.accept' THEN 'invitation.accepted'
    WHEN a.`action` = 'member.role.update' THEN 'role.changed'
    ELSE 'denied' END, count(*)
  FROM `audit_event` a WHERE (a.`action` IN ('user.sign_in', 'user.ban', 'impersonation.start', 'invitation.create', 'invitation.accept', 'member.role.update') OR a.`action` LIKE '%.denied') GROUP BY 2, 3
  ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
--> statement-breakpoint
INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`)
  SELECT coalesce(a.`organization_id`, CASE WHEN json_valid(a.`metadata`) THEN json_extract(a.`metadata`, '$.organizationId') END), date(a.`at` / 1000, 'unixepoch'), CASE
    WHEN a.`action` = 'user.sign_in' THEN CASE
      WHEN (CASE WHEN json_valid(a.`metadata`) THEN json_extract(a.`metadata`, '$.path') END) LIKE '/passkey/%' THEN 'sign_in.passkey'
      WHEN (CASE WHEN json_valid(a.`metadata`) THEN json_extract(a.`metadata`, '$.path') END) LIKE '%callback%' THEN 'sign_in.social'
      WHEN (CASE WHEN json_valid(a.`metadata`) THEN json_extract(a.`metadata`, '$.path') END) IN ('/sign-in/email', '/sign-up/email') OR (CASE WHEN json_valid(a.`metadata`) THEN json_extract(a.`metadata`, '$.path') END) LIKE '/two-factor/%' THEN 'sign_in.password'
      ELSE 'sign_in.other' END
    WHEN a.`action` = 'user.ban' THEN 'ban'
    WHEN a.`action` = 'impersonation.start' THEN 'impersonation'
    WHEN a.`action` = 'invitation.create' THEN 'invitation.sent'
    WHEN a.`action` = 'invitation.accept' THEN 'invitation.accepted'
    WHEN a.`action` = 'member.role.update' THEN 'role.changed'
    ELSE 'denied' END, count(*)
  FROM `audit_event` a WHERE (a.`action` IN ('user.sign_in', 'user.ban', 'impersonation.start', 'invitation.create', 'invitation.accept', 'member.role.update') OR a.`action` LIKE '%.denied') AND coalesce(a.`organization_id`, CASE WHEN json_valid(a.`metadata`) THEN json_extract(a.`metadata`, '$.organizationId') END) IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
--> statement-breakpoint
INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`)
  SELECT '', date(a.`at` / 1000, 'unixepoch'), 'active', count(DISTINCT a.`actor_user_id`)
  FROM `audit_event` a WHERE a.`action` = 'user.sign_in' AND a.`actor_user_id` IS NOT NULL GROUP BY 2
  ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
--> statement-breakpoint
INSERT INTO `user_last_active` (`scope`, `user_id`, `day`)
  SELECT '', a.`actor_user_id`, max(date(a.`at` / 1000, 'unixepoch'))
  FROM `audit_event` a WHERE a.`action` = 'user.sign_in' AND a.`actor_user_id` IS NOT NULL GROUP BY 2;
--> statement-breakpoint
INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`) VALUES ('', date('now'), 'counting.began', 1)
  ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
--> statement-breakpoint
-- From now on: each counted audit row bumps its counter platform-wide and in its organization (a sign-in: the
-- organization active in the new session, metadata.organizationId), and moves the user's last active day.
CREATE TRIGGER `activity_audit_insert` AFTER INSERT ON `audit_event`
WHEN (NEW.`action` IN ('user.sign_in', 'user.ban', 'impersonation.start', 'invitation.create', 'invitation.accept', 'member.role.update') OR NEW.`action` LIKE '%.denied')
BEGIN
  INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`)
    SELECT s.`scope`, date(NEW.`at` / 1000, 'unixepoch'), CASE
    WHEN NEW.`action` = 'user.sign_in' THEN CASE
      WHEN (CASE WHEN json_valid(NEW.`metadata`) THEN json_extract(NEW.`metadata`, '$.path') END) LIKE '/passkey/%' THEN 'sign_in.passkey'
      WHEN (CASE WHEN json_valid(NEW.`metadata`) THEN json_extract(NEW.`metadata`, '$.path') END) LIKE '%callback%' THEN 'sign_in.social'
      WHEN (CASE WHEN json_valid(NEW.`metadata`) THEN json_extract(NEW.`metadata`, '$.path') END) IN ('/sign-in/email', '/sign-up/email') OR (CASE WHEN json_valid(NEW.`metadata`) THEN json_extract(NEW.`metadata`, '$.path') END) LIKE '/two-factor/%' THEN 'sign_in.password'
      ELSE 'sign_in.other' END
    WHEN NEW.`action` = 'user.ban' THEN 'ban'
    WHEN NEW.`action` = 'impersonation.start' THEN 'impersonation'
    WHEN NEW.`action` = 'invitation.create' THEN 'invitation.sent'
    WHEN NEW.`action` = 'invitation.accept' THEN 'invitation.accepted'
    WHEN NEW.`action` = 'member.role.update' THEN 'role.changed'
    ELSE 'denied' END, 1
    FROM (SELECT '' AS `scope` UNION ALL SELECT coalesce(NEW.`organization_id`, CASE WHEN json_valid(NEW.`metadata`) THEN json_extract(NEW.`metadata`, '$.organizationId') END)) s WHERE s.`scope` IS NOT NULL
    ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `user_last_active` (`scope`, `user_id`, `day`)
    SELECT s.`scope`, NEW.`actor_user_id`, date(NEW.`at` / 1000, 'unixepoch')
    FROM (SELECT '' AS `scope` UNION ALL SELECT coalesce(NEW.`organization_id`, CASE WHEN json_valid(NEW.`metadata`) THEN json_extract(NEW.`metadata`, '$.organizationId') END)) s WHERE s.`scope` IS NOT NULL AND NEW.`action` = 'user.sign_in' AND NEW.`actor_user_id` IS NOT NULL
    ON CONFLICT (`scope`, `user_id`) DO UPDATE SET `day` = excluded.`day` WHERE excluded.`day` > `user_last_active`.`day`;
END;
--> statement-breakpoint
-- Daily active users: a user's first activity of a day (their row created, or its day moved forward) counts once.
CREATE TRIGGER `activity_active_insert` AFTER INSERT ON `user_last_active`
BEGIN
  INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`) VALUES (NEW.`scope`, NEW.`day`, 'active', 1)
    ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_active_update` AFTER UPDATE OF `day` ON `user_last_active`
WHEN NEW.`day` > OLD.`day`
BEGIN
  INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`) VALUES (NEW.`scope`, NEW.`day`, 'active', 1)
    ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_user_insert` AFTER INSERT ON `user`
BEGIN
  INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`) VALUES ('', date(NEW.`created_at` / 1000, 'unixepoch'), 'sign_up', 1)
    ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_organization_insert` AFTER INSERT ON `organization`
BEGIN
  INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`)
    VALUES ('', date(NEW.`created_at` / 1000, 'unixepoch'), 'organization.created', 1)
    ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
-- A migration that rebuilds `member` must create these two again (as it must the totals of 0008).
CREATE TRIGGER `activity_member_insert` AFTER INSERT ON `member`
BEGIN
  INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`)
    VALUES (NEW.`organization_id`, date(NEW.`created_at` / 1000, 'unixepoch'), 'member.added', 1)
    ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_member_delete` AFTER DELETE ON `member`
BEGIN
  INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`)
    VALUES (OLD.`organization_id`, date('now'), 'member.removed', 1)
    ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
-- A lockout: an address whose lock goes from none to a time (lib/auth/sign-in-lockout.ts sets it once per lock).
CREATE TRIGGER `activity_lockout` AFTER UPDATE OF `locked_until` ON `sign_in_lockout`
WHEN NEW.`locked_until` IS NOT NULL AND OLD.`locked_until` IS NULL
BEGIN
  INSERT INTO `activity_counter` (`scope`, `day`, `counter`, `n`) VALUES ('', date('now'), 'lockout', 1)
    ON CONFLICT (`scope`, `day`, `counter`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
-- "Needs attention" on /admin (db/queries/needs-attention.ts): unverified accounts by age and staff accounts, each a
-- small partial index, so the capped counts never walk the user table.
CREATE INDEX `user_unverified_idx` ON `user` (`created_at`) WHERE `email_verified` = 0;
--> statement-breakpoint
CREATE INDEX `user_staff_idx` ON `user` (`role`) WHERE `role` <> 'user';
