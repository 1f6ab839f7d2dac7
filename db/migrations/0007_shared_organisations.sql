CREATE TABLE `organisation_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`space_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`contact_name` text,
	`phone` text,
	`email` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisation_contacts_space_org_idx` ON `organisation_contacts` (`space_id`,`organisation_id`);--> statement-breakpoint
INSERT INTO `organisation_contacts` (`space_id`, `organisation_id`, `contact_name`, `phone`, `email`, `updated_at`)
SELECT m.`space_id`, o.`id`, o.`contact_name`, o.`phone`, o.`email`, o.`created_at`
FROM `organisations` o
JOIN `space_memberships` m ON m.`id` = coalesce(
  (SELECT min(`id`) FROM `space_memberships` WHERE `organisation_id` = o.`id` AND `left_on` IS NULL),
  (SELECT min(`id`) FROM `space_memberships` WHERE `organisation_id` = o.`id`))
WHERE o.`contact_name` IS NOT NULL OR o.`phone` IS NOT NULL OR o.`email` IS NOT NULL;--> statement-breakpoint
UPDATE `audit_log` SET `after` = json_remove(`after`, '$.contactName', '$.phone', '$.email')
WHERE `action` IN ('organisation.register', 'organisation.update', 'organisation.delete') AND json_valid(`after`);--> statement-breakpoint
UPDATE `audit_log` SET `before` = json_remove(`before`, '$.contactName', '$.phone', '$.email')
WHERE `action` IN ('organisation.update', 'organisation.delete') AND json_valid(`before`);--> statement-breakpoint
ALTER TABLE `people` ADD `named_publicly` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` DROP COLUMN `contact_name`;--> statement-breakpoint
ALTER TABLE `organisations` DROP COLUMN `phone`;--> statement-breakpoint
ALTER TABLE `organisations` DROP COLUMN `email`;