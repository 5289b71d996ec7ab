import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { epochMs } from "./columns";

/**
 * Events per organization, UTC hour, code and status (see db/schema/rollups.ts for the indexes'
 * reasons). One index fewer than SQLite: the primary key leads with the hour and serves the reads
 * of every organization's hours (closed hours, spike windows, retention) that SQLite's
 * hourly_rollups_hour_idx serves. It does not carry `count`, but a rollup's rows are created as its
 * hour's events arrive, so an hour's rows sit together in the heap: those reads measured no slower
 * at 5 M events, and each ingest batch updates one index fewer (bench/README.md, "Backends").
 */
export const hourlyRollups = pgTable(
  "hourly_rollups",
  {
    orgId: text("org_id").notNull(),
    code: text("code").notNull(),
    httpStatus: integer("http_status").notNull(),
    hour: epochMs("hour").notNull(),
    count: integer("count").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.hour, table.orgId, table.code, table.httpStatus] }),
    index("hourly_rollups_org_hour_idx").on(table.orgId, table.hour, table.code, table.httpStatus, table.count),
    index("hourly_rollups_code_hour_idx").on(table.code, table.hour, table.orgId, table.count),
    index("hourly_rollups_code_org_idx").on(table.code, table.orgId, table.hour, table.count),
  ],
);
