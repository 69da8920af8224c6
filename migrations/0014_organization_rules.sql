CREATE TABLE `organization_domain` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`domain` text NOT NULL,
	`verification_token` text NOT NULL,
	`affiliation_email` text,
	`affiliation_code_hash` text,
	`affiliation_code_expires_at` integer,
	`affiliation_attempts` integer DEFAULT 0 NOT NULL,
	`affiliation_verified_at` integer,
	`ownership_verified_at` integer,
	`join_mode` text DEFAULT 'off' NOT NULL,
	`default_role` text DEFAULT 'member' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`created_by` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organization_domain_org_domain_idx` ON `organization_domain` (`organization_id`,`domain`);--> statement-breakpoint
CREATE INDEX `organization_domain_domain_idx` ON `organization_domain` (`domain`);--> statement-breakpoint
CREATE UNIQUE INDEX `organization_domain_verified_idx` ON `organization_domain` (`domain`) WHERE affiliation_verified_at is not null or ownership_verified_at is not null;--> statement-breakpoint
CREATE TABLE `organization_join_request` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`user_id` text NOT NULL,
	`domain` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`decided_at` integer,
	`decided_by` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organization_join_request_pending_idx` ON `organization_join_request` (`organization_id`,`user_id`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `organization_join_request_org_idx` ON `organization_join_request` (`organization_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `organization_join_request_user_idx` ON `organization_join_request` (`user_id`);--> statement-breakpoint
CREATE TABLE `organization_policy` (
	`organization_id` text PRIMARY KEY NOT NULL,
	`require_two_factor` integer DEFAULT false NOT NULL,
	`two_factor_methods` text DEFAULT 'totp,otp' NOT NULL,
	`grace_period_days` integer DEFAULT 7 NOT NULL,
	`two_factor_required_since` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `session` ADD `sign_in_methods` text;