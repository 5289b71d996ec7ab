import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** One stored error envelope. `request_id` is the natural key: the same id sent again is stored once. */
export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: text("request_id").notNull(),
    orgId: text("org_id").notNull(),
    code: text("code").notNull(),
    httpStatus: integer("http_status").notNull(),
    message: text("message"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown> | null>(),
    occurredAt: integer("occurred_at").notNull(),
    receivedAt: integer("received_at").notNull(),
    service: text("service"),
    method: text("method"),
    path: text("path"),
    environment: text("environment", { enum: ["live", "test"] }),
    /** Null when the code is catalogued and its details match; otherwise why it was flagged. */
    catalogFlag: text("catalog_flag", { enum: ["unknown_code", "details_mismatch"] }),
  },
  (table) => [
    // BINARY collation lets `request_id >= ? AND request_id < ?` prefix ranges use this index.
    uniqueIndex("events_request_id_unique").on(table.requestId),
    index("events_org_occurred_idx").on(table.orgId, table.occurredAt),
    index("events_code_occurred_idx").on(table.code, table.occurredAt),
    index("events_occurred_idx").on(table.occurredAt),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type NewEventRow = typeof events.$inferInsert;
