import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Tombstones of events deleted by the retention (ERRATA_RETENTION_DAYS): enough to tell support
 * what a pruned request was (its organization, code, status and time) once its envelope is gone.
 * Each lives as long as the hourly rollup that still counts its event (400 days from `occurred_at`).
 */
export const prunedEvents = sqliteTable(
  "pruned_events",
  {
    // BINARY collation, as on events: prefix ranges (`>= prefix AND < prefix || U+FFFF`) use the key.
    requestId: text("request_id").primaryKey(),
    orgId: text("org_id").notNull(),
    code: text("code").notNull(),
    httpStatus: integer("http_status").notNull(),
    occurredAt: integer("occurred_at").notNull(),
    prunedAt: integer("pruned_at").notNull(),
  },
  // Tombstones are pruned oldest first, in small batches, like the events they stand for.
  (table) => [index("pruned_events_occurred_idx").on(table.occurredAt)],
);

export type PrunedEventRow = typeof prunedEvents.$inferSelect;
