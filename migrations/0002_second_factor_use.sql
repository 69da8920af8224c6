CREATE TABLE `second_factor_use` (
	`key` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `second_factor_use_user_idx` ON `second_factor_use` (`user_id`);--> statement-breakpoint
CREATE INDEX `second_factor_use_expires_idx` ON `second_factor_use` (`expires_at`);