CREATE TABLE `speaking_turns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`attendance_id` integer NOT NULL,
	`agenda_item_id` integer,
	`state` text NOT NULL,
	`position` integer NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	`limit_seconds` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attendance_id`) REFERENCES `attendance`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `speaking_turns_meeting_idx` ON `speaking_turns` (`meeting_id`,`state`,`position`);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `spent_ms` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `current_item_id` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `current_item_since` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `turn_limit_seconds` integer DEFAULT 180 NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `priority_rule` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `screen_message` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `screen_locale` text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `screen_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_screen_token_idx` ON `meetings` (`screen_token`);