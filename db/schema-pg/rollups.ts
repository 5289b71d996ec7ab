import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { epochMs } from "./columns";

/** Events per organization, UTC hour, code and status (see db/schema/rollups.ts for the indexes' reasons). */
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
    primaryKey({ columns: [table.orgId, table.code, table.hour, table.httpStatus] }),
    index("hourly_rollups_org_hour_idx").on(table.orgId, table.hour, table.code, table.httpStatus, table.count),
    index("hourly_rollups_code_hour_idx").on(table.code, table.hour, table.orgId, table.count),
    index("hourly_rollups_code_org_idx").on(table.code, table.orgId, table.hour, table.count),
    index("hourly_rollups_hour_idx").on(table.hour, table.orgId, table.code, table.httpStatus, table.count),
  ],
);
