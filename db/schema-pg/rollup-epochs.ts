import { bigint, index, integer, pgTable } from "drizzle-orm/pg-core";

/**
 * PostgreSQL only: one row (id 1) whose epoch moves with every commit that changed the rollups of
 * an hour that had already ended. Each instance keeps closed hours in memory
 * (db/queries/closed-rollups.ts) and reads this row before using them: SQLite's PRAGMA data_version
 * plays that part on a single file, but several instances share one PostgreSQL and a late event
 * stored by one must reach the memory of all.
 */
export const rollupEpochs = pgTable("rollup_epochs", {
  id: integer("id").primaryKey(),
  epoch: bigint("epoch", { mode: "number" }).notNull(),
});

/**
 * PostgreSQL only: each ended hour a commit changed, with the epoch that commit moved to. When the
 * epoch has moved, an instance drops from memory only the hours changed since the epoch it knew,
 * not everything: late events arrive all the time (a service's retries, batches of the last
 * minutes), and dropping every kept hour on each of them made the spike check re-read three days of
 * rollups per call (bench/README.md, "Load"). One row per hour ever changed late: a few thousand a year.
 */
export const rollupChanges = pgTable(
  "rollup_changes",
  {
    hour: bigint("hour", { mode: "number" }).primaryKey(),
    epoch: bigint("epoch", { mode: "number" }).notNull(),
  },
  (table) => [index("rollup_changes_epoch_idx").on(table.epoch)],
);
