CREATE TABLE `report_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`version` integer NOT NULL,
	`document` text NOT NULL,
	`published_by` text,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_versions_unique_idx` ON `report_versions` (`report_id`,`version`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope_kind` text NOT NULL,
	`space_id` integer,
	`commune_code` text,
	`period_kind` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`template` text NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`details` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`versions` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reports_space_idx` ON `reports` (`space_id`);--> statement-breakpoint
CREATE INDEX `reports_commune_idx` ON `reports` (`commune_code`);--> statement-breakpoint
CREATE TRIGGER `report_versions_no_update` BEFORE UPDATE ON `report_versions` BEGIN SELECT RAISE(ABORT, 'report_versions is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `report_versions_no_delete` BEFORE DELETE ON `report_versions` BEGIN SELECT RAISE(ABORT, 'report_versions is append-only'); END;