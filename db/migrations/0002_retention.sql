CREATE TABLE `pruned_events` (
	`request_id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`code` text NOT NULL,
	`http_status` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`pruned_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pruned_events_occurred_idx` ON `pruned_events` (`occurred_at`);