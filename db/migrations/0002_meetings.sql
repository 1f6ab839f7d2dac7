CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`planned_minutes` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_idx` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer,
	`name` text NOT NULL,
	`sex` text,
	`age_group` text,
	`disability` integer DEFAULT false NOT NULL,
	`organisation_id` integer,
	`role` text NOT NULL,
	`arrived_at` integer NOT NULL,
	`recorded_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_meeting_idx` ON `attendance` (`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_person_idx` ON `attendance` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `meeting_authorities` (
	`meeting_id` integer NOT NULL,
	`authority_id` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_authorities_idx` ON `meeting_authorities` (`meeting_id`,`authority_id`);--> statement-breakpoint
CREATE TABLE `meeting_facilitators` (
	`meeting_id` integer NOT NULL,
	`user_id` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_facilitators_idx` ON `meeting_facilitators` (`meeting_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`space_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`place` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`cancel_reason` text,
	`published` integer DEFAULT false NOT NULL,
	`started_at` integer,
	`closed_at` integer,
	`minutes_markdown` text,
	`minutes_html` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_space_idx` ON `meetings` (`space_id`,`starts_at`);