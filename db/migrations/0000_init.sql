CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`scopes` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_unique` ON `api_keys` (`hash`);--> statement-breakpoint
CREATE INDEX `api_keys_prefix_idx` ON `api_keys` (`prefix`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`org_id` text NOT NULL,
	`code` text NOT NULL,
	`http_status` integer NOT NULL,
	`message` text,
	`details` text,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`service` text,
	`method` text,
	`path` text,
	`environment` text,
	`catalog_flag` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_request_id_unique` ON `events` (`request_id`);--> statement-breakpoint
CREATE INDEX `events_org_occurred_idx` ON `events` (`org_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `events_code_occurred_idx` ON `events` (`code`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `events_occurred_idx` ON `events` (`occurred_at`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`first_seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hourly_rollups` (
	`org_id` text NOT NULL,
	`code` text NOT NULL,
	`http_status` integer NOT NULL,
	`hour` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`org_id`, `code`, `hour`, `http_status`)
);
--> statement-breakpoint
CREATE INDEX `hourly_rollups_org_hour_idx` ON `hourly_rollups` (`org_id`,`hour`,`code`,`http_status`,`count`);--> statement-breakpoint
CREATE INDEX `hourly_rollups_code_hour_idx` ON `hourly_rollups` (`code`,`hour`,`org_id`,`count`);--> statement-breakpoint
CREATE INDEX `hourly_rollups_hour_idx` ON `hourly_rollups` (`hour`,`org_id`,`code`,`http_status`,`count`);