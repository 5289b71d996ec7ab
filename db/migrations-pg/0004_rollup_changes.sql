CREATE TABLE "rollup_changes" (
	"hour" bigint PRIMARY KEY NOT NULL,
	"epoch" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rollup_changes_epoch_idx" ON "rollup_changes" USING btree ("epoch");