ALTER TABLE `audit_log` ADD `space_id` integer REFERENCES spaces(id);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `visibility` text DEFAULT 'internal' NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_log_space_idx` ON `audit_log` (`space_id`,`at`);--> statement-breakpoint
UPDATE `audit_log` SET `space_id` = CAST(`subject_id` AS integer) WHERE `subject_type` = 'space' AND CAST(`subject_id` AS integer) IN (SELECT `id` FROM `spaces`);--> statement-breakpoint
UPDATE `audit_log` SET `space_id` = (SELECT `space_id` FROM `meetings` WHERE `meetings`.`id` = CAST(`audit_log`.`subject_id` AS integer)) WHERE `subject_type` = 'meeting';--> statement-breakpoint
UPDATE `audit_log` SET `space_id` = coalesce(json_extract(`after`, '$.spaceId'), json_extract(`before`, '$.spaceId')) WHERE `space_id` IS NULL AND coalesce(json_extract(`after`, '$.spaceId'), json_extract(`before`, '$.spaceId')) IN (SELECT `id` FROM `spaces`);--> statement-breakpoint
UPDATE `audit_log` SET `visibility` = 'public' WHERE `subject_type` = 'meeting' AND `action` LIKE 'meeting.%' AND CAST(`subject_id` AS integer) IN (SELECT `id` FROM `meetings` WHERE `published` = 1);--> statement-breakpoint
UPDATE `audit_log` SET `visibility` = 'public' WHERE `action` IN ('commune.add', 'section.add', 'space.create', 'space.update', 'organisation.register', 'organisation.admit', 'organisation.leave', 'organisation.archive', 'authority.register', 'official.register');
