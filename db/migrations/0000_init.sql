CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`scopes` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`expires_at` integer,
	`signing_secret` text
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
CREATE TABLE `rejected_ingests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` integer NOT NULL,
	`key_prefix` text,
	`http_status` integer NOT NULL,
	`code` text NOT NULL,
	`summary` text NOT NULL,
	`errata_request_id` text NOT NULL,
	`event_count` integer,
	`request_id_count` integer DEFAULT 0 NOT NULL,
	`repeats` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rejected_ingests_received_idx` ON `rejected_ingests` (`received_at`);--> statement-breakpoint
CREATE INDEX `rejected_ingests_key_received_idx` ON `rejected_ingests` (`key_prefix`,`received_at`);--> statement-breakpoint
CREATE INDEX `rejected_ingests_code_received_idx` ON `rejected_ingests` (`code`,`received_at`);--> statement-breakpoint
CREATE INDEX `rejected_ingests_errata_request_idx` ON `rejected_ingests` (`errata_request_id`);--> statement-breakpoint
CREATE TABLE `rejected_request_ids` (
	`request_id` text NOT NULL,
	`rejection_id` integer NOT NULL,
	PRIMARY KEY(`request_id`, `rejection_id`),
	FOREIGN KEY (`rejection_id`) REFERENCES `rejected_ingests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rejected_request_ids_rejection_idx` ON `rejected_request_ids` (`rejection_id`);--> statement-breakpoint
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
CREATE INDEX `hourly_rollups_code_org_idx` ON `hourly_rollups` (`code`,`org_id`,`hour`,`count`);--> statement-breakpoint
CREATE INDEX `hourly_rollups_hour_idx` ON `hourly_rollups` (`hour`,`org_id`,`code`,`http_status`,`count`);