CREATE INDEX `delegate_seats_person_idx` ON `delegate_seats` (`person_id`);--> statement-breakpoint
CREATE INDEX `officials_person_idx` ON `officials` (`person_id`);