import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { byteOrderedText, epochMs } from "./columns";

/** One stored error envelope (see db/schema/events.ts, the SQLite twin this table mirrors). */
export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    requestId: byteOrderedText("request_id").notNull(),
    orgId: text("org_id").notNull(),
    code: text("code").notNull(),
    httpStatus: integer("http_status").notNull(),
    message: text("message"),
    details: jsonb("details").$type<Record<string, unknown> | null>(),
    occurredAt: epochMs("occurred_at").notNull(),
    receivedAt: epochMs("received_at").notNull(),
    service: text("service"),
    method: text("method"),
    path: text("path"),
    environment: text("environment", { enum: ["live", "test"] }),
    catalogFlag: text("catalog_flag", { enum: ["unknown_code", "details_mismatch"] }),
  },
  (table) => [
    uniqueIndex("events_request_id_unique").on(table.requestId),
    index("events_org_occurred_idx").on(table.orgId, table.occurredAt),
    index("events_code_occurred_idx").on(table.code, table.occurredAt),
    // Events arrive roughly in time order, so a BRIN index (a few pages for millions of rows) serves
    // the time-range scans of spike windows and retention where SQLite keeps a full btree.
    index("events_occurred_brin").using("brin", table.occurredAt),
  ],
);
