CREATE TABLE `motion_cosponsors` (
	`motion_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`invited_at` integer NOT NULL,
	`answered_at` integer,
	`accepted` integer,
	`answered_by_person_id` integer,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `motion_cosponsors_idx` ON `motion_cosponsors` (`motion_id`,`organisation_id`);--> statement-breakpoint
CREATE TABLE `motion_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`motion_id` integer NOT NULL,
	`move` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`actor_id` text,
	`meeting_id` integer,
	`poll_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `motion_events_motion_idx` ON `motion_events` (`motion_id`,`at`);--> statement-breakpoint
CREATE TABLE `motion_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`motion_id` integer NOT NULL,
	`version` integer NOT NULL,
	`text` text NOT NULL,
	`amendment_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`amendment_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `motion_versions_idx` ON `motion_versions` (`motion_id`,`version`);--> statement-breakpoint
CREATE TABLE `motions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`space_id` integer NOT NULL,
	`parent_id` integer,
	`year` integer NOT NULL,
	`sequence` integer NOT NULL,
	`title` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`rationale` text DEFAULT '' NOT NULL,
	`theme` text DEFAULT 'other' NOT NULL,
	`authority_id` integer,
	`paragraph` integer,
	`original_text` text,
	`replacement_text` text,
	`proposer_organisation_id` integer NOT NULL,
	`proposer_person_id` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`meeting_id` integer,
	`referred_authority_id` integer,
	`forwarded_from_id` integer,
	`submitted_at` integer,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposer_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposer_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referred_authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `motions_number_idx` ON `motions` (`space_id`,`year`,`sequence`) WHERE "motions"."parent_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `motions_amendment_number_idx` ON `motions` (`parent_id`,`sequence`) WHERE "motions"."parent_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `motions_space_state_idx` ON `motions` (`space_id`,`state`);--> statement-breakpoint
CREATE INDEX `motions_parent_idx` ON `motions` (`parent_id`);--> statement-breakpoint
CREATE INDEX `motions_forwarded_idx` ON `motions` (`forwarded_from_id`);--> statement-breakpoint
CREATE TABLE `poll_voters` (
	`poll_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`organisation_id` integer,
	`voted` integer DEFAULT false NOT NULL,
	`choice` text,
	PRIMARY KEY(`poll_id`, `person_id`),
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `polls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`motion_id` integer,
	`question` text NOT NULL,
	`method` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`voting_base` text NOT NULL,
	`rules` text NOT NULL,
	`organisations_present` integer NOT NULL,
	`organisations` integer NOT NULL,
	`eligible` integer NOT NULL,
	`phone_yes` integer DEFAULT 0 NOT NULL,
	`phone_no` integer DEFAULT 0 NOT NULL,
	`phone_abstain` integer DEFAULT 0 NOT NULL,
	`hands_yes` integer,
	`hands_no` integer,
	`hands_abstain` integer,
	`hands_breakdown` text,
	`consensus` integer,
	`objections` text,
	`result` text,
	`closes_at` integer,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	`opened_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `polls_meeting_idx` ON `polls` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `polls_motion_idx` ON `polls` (`motion_id`);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `motion_id` integer;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `approves_meeting_id` integer REFERENCES meetings(id);