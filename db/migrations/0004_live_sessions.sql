CREATE TABLE `meeting_sessions` (
	`meeting_id` integer PRIMARY KEY NOT NULL,
	`current_item_id` integer,
	`current_item_since` integer,
	`turn_limit_seconds` integer DEFAULT 180 NOT NULL,
	`priority_rule` text DEFAULT 'none' NOT NULL,
	`screen_message` text,
	`screen_locale` text DEFAULT 'fr' NOT NULL,
	`screen_token` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`current_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_sessions_screen_token_idx` ON `meeting_sessions` (`screen_token`);--> statement-breakpoint
INSERT INTO `meeting_sessions` (`meeting_id`, `current_item_id`, `current_item_since`, `turn_limit_seconds`, `priority_rule`, `screen_message`, `screen_locale`, `screen_token`)
SELECT `m`.`id`, `a`.`id`, CASE WHEN `a`.`id` IS NULL THEN NULL ELSE `m`.`current_item_since` END, `m`.`turn_limit_seconds`, `m`.`priority_rule`, `m`.`screen_message`, `m`.`screen_locale`, coalesce(`m`.`screen_token`, lower(hex(randomblob(16))))
FROM `meetings` `m` LEFT JOIN `agenda_items` `a` ON `a`.`id` = `m`.`current_item_id`
WHERE `m`.`screen_token` IS NOT NULL OR `m`.`status` IN ('live', 'closed');--> statement-breakpoint
DROP INDEX `meetings_screen_token_idx`;--> statement-breakpoint
ALTER TABLE `meetings` DROP COLUMN `current_item_id`;--> statement-breakpoint
ALTER TABLE `meetings` DROP COLUMN `current_item_since`;--> statement-breakpoint
ALTER TABLE `meetings` DROP COLUMN `turn_limit_seconds`;--> statement-breakpoint
ALTER TABLE `meetings` DROP COLUMN `priority_rule`;--> statement-breakpoint
ALTER TABLE `meetings` DROP COLUMN `screen_message`;--> statement-breakpoint
ALTER TABLE `meetings` DROP COLUMN `screen_locale`;--> statement-breakpoint
ALTER TABLE `meetings` DROP COLUMN `screen_token`;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `withdrawn_at` integer;