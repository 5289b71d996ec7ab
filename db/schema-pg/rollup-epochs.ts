import { bigint, integer, pgTable } from "drizzle-orm/pg-core";

/**
 * PostgreSQL only: one row (id 1) whose epoch moves with every commit that changed the rollups of
 * an hour that had already ended. Each instance keeps closed hours in memory
 * (db/queries/closed-rollups.ts) and reads this row before using them, dropping them when it moved:
 * SQLite's PRAGMA data_version plays that part on a single file, but several instances share one
 * PostgreSQL and a late event stored by one must reach the memory of all.
 */
export const rollupEpochs = pgTable("rollup_epochs", {
  id: integer("id").primaryKey(),
  epoch: bigint("epoch", { mode: "number" }).notNull(),
});
