CREATE TABLE `membership_counts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`counted_on` text NOT NULL,
	`women` integer NOT NULL,
	`men` integer NOT NULL,
	`by_age_group` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `membership_counts_org_idx` ON `membership_counts` (`organisation_id`,`counted_on`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`acronym` text,
	`type` text NOT NULL,
	`commune_code` text NOT NULL,
	`section_code` text,
	`contact_name` text,
	`phone` text,
	`email` text,
	`year_founded` integer,
	`legally_recognised` integer DEFAULT false NOT NULL,
	`led_by_woman` integer DEFAULT false NOT NULL,
	`led_by_youth` integer DEFAULT false NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_code`) REFERENCES `sections`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `organisations_commune_idx` ON `organisations` (`commune_code`);--> statement-breakpoint
CREATE TABLE `space_memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`space_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`joined_on` text NOT NULL,
	`left_on` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `space_memberships_space_idx` ON `space_memberships` (`space_id`);--> statement-breakpoint
CREATE INDEX `space_memberships_org_idx` ON `space_memberships` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `authorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`commune_code` text NOT NULL,
	`section_code` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_code`) REFERENCES `sections`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `authorities_commune_idx` ON `authorities` (`commune_code`);--> statement-breakpoint
CREATE TABLE `delegate_seats` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`space_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`seat` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `delegate_seats_space_idx` ON `delegate_seats` (`space_id`);--> statement-breakpoint
CREATE INDEX `delegate_seats_org_idx` ON `delegate_seats` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `officials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authority_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`title` text NOT NULL,
	`mandate_start` text,
	`mandate_end` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `officials_authority_idx` ON `officials` (`authority_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sex` text,
	`birth_year` integer,
	`age_group` text,
	`disability` integer DEFAULT false NOT NULL,
	`phone` text,
	`preferred_language` text,
	`user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `spaces` ADD `voting_base` text DEFAULT 'organisation' NOT NULL;--> statement-breakpoint
ALTER TABLE `spaces` ADD `quorum_percent` integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE `spaces` ADD `majority_rule` text DEFAULT 'simple' NOT NULL;--> statement-breakpoint
ALTER TABLE `spaces` ADD `titular_seats` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `spaces` ADD `substitute_seats` integer DEFAULT 1 NOT NULL;