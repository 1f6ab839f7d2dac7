ALTER TABLE `attendance` ADD `entry_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_entry_idx` ON `attendance` (`meeting_id`,`entry_key`);