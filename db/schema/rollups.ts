import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Events counted per organization, UTC hour, code and HTTP status. Updated in the same transaction
 * as every insert, so charts, the organizations list and the spike check read these small rows and
 * never scan raw events (the status is in the key so the status mix needs no raw scan either).
 */
export const hourlyRollups = sqliteTable(
  "hourly_rollups",
  {
    orgId: text("org_id").notNull(),
    code: text("code").notNull(),
    httpStatus: integer("http_status").notNull(),
    /** Epoch milliseconds of the start of the UTC hour. */
    hour: integer("hour").notNull(),
    count: integer("count").notNull(),
  },
  (table) => [
    // The key ingest upserts on, ordered so "has this org produced this code in these hours?" is one
    // seek. It cannot carry `count`, so range reads use the covering indexes below.
    primaryKey({ columns: [table.orgId, table.code, table.hour, table.httpStatus] }),
    // Org charts and status mixes read one organization over a time range, index-only.
    index("hourly_rollups_org_hour_idx").on(table.orgId, table.hour, table.code, table.httpStatus, table.count),
    // Catalog pages read one code across organizations, index-only: the series in hour order...
    index("hourly_rollups_code_hour_idx").on(table.code, table.hour, table.orgId, table.count),
    // ...and the top organizations in organization order, so the per-org sums stream without a temp
    // B-tree (21 ms -> 9 ms for a common code over 30 days at 5 M events; bench/README.md).
    index("hourly_rollups_code_org_idx").on(table.code, table.orgId, table.hour, table.count),
    // The organizations list and the spike check read every organization over a few recent hours.
    index("hourly_rollups_hour_idx").on(table.hour, table.orgId, table.code, table.httpStatus, table.count),
  ],
);

export type HourlyRollupRow = typeof hourlyRollups.$inferSelect;
