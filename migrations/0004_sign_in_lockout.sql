CREATE TABLE `sign_in_lockout` (
	`email` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE INDEX `sign_in_lockout_window_idx` ON `sign_in_lockout` (`window_started_at`);