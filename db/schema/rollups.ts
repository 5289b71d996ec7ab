import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Events counted per organization, code and UTC hour. Updated in the same transaction as every
 * insert, so charts read these small rows and never scan raw events.
 */
export const hourlyRollups = sqliteTable(
  "hourly_rollups",
  {
    orgId: text("org_id").notNull(),
    code: text("code").notNull(),
    /** Epoch milliseconds of the start of the UTC hour. */
    hour: integer("hour").notNull(),
    count: integer("count").notNull(),
  },
  (table) => [
    // Org charts read one organization over a time range; catalog pages read one code across orgs.
    primaryKey({ columns: [table.orgId, table.hour, table.code] }),
    index("hourly_rollups_code_hour_idx").on(table.code, table.hour),
  ],
);
