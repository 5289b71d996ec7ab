CREATE TABLE "rollup_epochs" (
	"id" integer PRIMARY KEY NOT NULL,
	"epoch" bigint NOT NULL
);
