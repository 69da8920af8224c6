CREATE TABLE `apikey` (
	`id` text PRIMARY KEY NOT NULL,
	`config_id` text DEFAULT 'default' NOT NULL,
	`name` text,
	`start` text,
	`reference_id` text NOT NULL,
	`prefix` text,
	`key` text NOT NULL,
	`refill_interval` integer,
	`refill_amount` integer,
	`last_refill_at` integer,
	`enabled` integer DEFAULT true,
	`rate_limit_enabled` integer DEFAULT true,
	`rate_limit_time_window` integer DEFAULT 60000,
	`rate_limit_max` integer DEFAULT 120,
	`request_count` integer DEFAULT 0,
	`remaining` integer,
	`last_request` integer,
	`expires_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`permissions` text,
	`metadata` text
);
--> statement-breakpoint
CREATE INDEX `apikey_configId_idx` ON `apikey` (`config_id`);--> statement-breakpoint
CREATE INDEX `apikey_referenceId_idx` ON `apikey` (`reference_id`);--> statement-breakpoint
CREATE INDEX `apikey_key_idx` ON `apikey` (`key`);--> statement-breakpoint
ALTER TABLE `audit_event` ADD `actor_api_key_id` text;--> statement-breakpoint
CREATE INDEX `audit_event_api_key_idx` ON `audit_event` (`actor_api_key_id`,`at`);--> statement-breakpoint
-- An organization's API keys go with it: better-auth's `reference_id` has no foreign key (it can name a user or an
-- organization), so without this a deleted organization would leave its keys behind.
CREATE TRIGGER `apikey_organization_delete` AFTER DELETE ON `organization` BEGIN
  DELETE FROM `apikey` WHERE `reference_id` = OLD.`id`;
END;
