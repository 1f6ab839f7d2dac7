CREATE TABLE `commitment_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`update_id` integer NOT NULL,
	`commitment_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file` text NOT NULL,
	`thumb` text,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer,
	`height` integer,
	`original_name` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `commitment_updates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commitment_evidence_file_idx` ON `commitment_evidence` (`file`);--> statement-breakpoint
CREATE INDEX `commitment_evidence_commitment_idx` ON `commitment_evidence` (`commitment_id`);--> statement-breakpoint
CREATE TABLE `commitment_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`move` text NOT NULL,
	`actor_kind` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`percent` integer,
	`link` text,
	`due_date` text,
	`previous_due_date` text,
	`organisation_id` integer,
	`claim_round` integer,
	`meeting_id` integer,
	`actor_id` text,
	`actor_person_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_updates_commitment_idx` ON `commitment_updates` (`commitment_id`,`at`);--> statement-breakpoint
CREATE UNIQUE INDEX `commitment_answers_idx` ON `commitment_updates` (`commitment_id`,`claim_round`,`organisation_id`) WHERE "commitment_updates"."organisation_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`space_id` integer NOT NULL,
	`authority_id` integer NOT NULL,
	`official_id` integer,
	`office` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`theme` text DEFAULT 'other' NOT NULL,
	`motion_id` integer,
	`meeting_id` integer,
	`section_code` text,
	`due_date` text NOT NULL,
	`original_due_date` text NOT NULL,
	`budget_htg` integer,
	`beneficiaries` integer,
	`beneficiaries_note` text DEFAULT '' NOT NULL,
	`beneficiaries_breakdown` text,
	`public` integer DEFAULT true NOT NULL,
	`state` text DEFAULT 'pledged' NOT NULL,
	`pledged_on` text NOT NULL,
	`claim_round` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`official_id`) REFERENCES `officials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_code`) REFERENCES `sections`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitments_space_idx` ON `commitments` (`space_id`,`state`);--> statement-breakpoint
CREATE INDEX `commitments_authority_idx` ON `commitments` (`authority_id`);--> statement-breakpoint
CREATE INDEX `commitments_motion_idx` ON `commitments` (`motion_id`);--> statement-breakpoint
CREATE TRIGGER `commitment_updates_no_update` BEFORE UPDATE ON `commitment_updates` BEGIN SELECT RAISE(ABORT, 'commitment_updates is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `commitment_updates_no_delete` BEFORE DELETE ON `commitment_updates` BEGIN SELECT RAISE(ABORT, 'commitment_updates is append-only'); END;
