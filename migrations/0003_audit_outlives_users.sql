PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_audit_event` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`actor_user_id` text,
	`impersonator_user_id` text,
	`action` text NOT NULL,
	`target_user_id` text,
	`organization_id` text,
	`reason` text,
	`ip` text,
	`user_agent` text,
	`metadata` text
);
--> statement-breakpoint
INSERT INTO `__new_audit_event`("id", "at", "actor_user_id", "impersonator_user_id", "action", "target_user_id", "organization_id", "reason", "ip", "user_agent", "metadata") SELECT "id", "at", "actor_user_id", "impersonator_user_id", "action", "target_user_id", "organization_id", "reason", "ip", "user_agent", "metadata" FROM `audit_event`;--> statement-breakpoint
DROP TABLE `audit_event`;--> statement-breakpoint
ALTER TABLE `__new_audit_event` RENAME TO `audit_event`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `audit_event_at_idx` ON `audit_event` (`at`);--> statement-breakpoint
CREATE INDEX `audit_event_actor_idx` ON `audit_event` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_event_impersonator_idx` ON `audit_event` (`impersonator_user_id`);--> statement-breakpoint
CREATE INDEX `audit_event_target_idx` ON `audit_event` (`target_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_event_org_idx` ON `audit_event` (`organization_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_event_action_idx` ON `audit_event` (`action`,`at`);