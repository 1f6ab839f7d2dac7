CREATE TABLE `idempotent_requests` (
	`key` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`status` integer NOT NULL,
	`headers` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `idempotent_requests_created_idx` ON `idempotent_requests` (`created_at`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `minutes_approved_at` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `minutes_approved_in_meeting_id` integer;--> statement-breakpoint
UPDATE `meetings` SET `minutes_approved_at` = `closed_at` WHERE `status` = 'closed' AND `minutes_markdown` IS NOT NULL;
