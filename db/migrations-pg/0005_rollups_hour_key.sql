DROP INDEX "hourly_rollups_hour_idx";--> statement-breakpoint
ALTER TABLE "hourly_rollups" DROP CONSTRAINT "hourly_rollups_org_id_code_hour_http_status_pk";--> statement-breakpoint
ALTER TABLE "hourly_rollups" ADD CONSTRAINT "hourly_rollups_hour_org_id_code_http_status_pk" PRIMARY KEY("hour","org_id","code","http_status");