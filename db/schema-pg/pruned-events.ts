import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { byteOrderedText, epochMs } from "./columns";

/** Tombstones of events deleted by the retention (see db/schema/pruned-events.ts). */
export const prunedEvents = pgTable(
  "pruned_events",
  {
    requestId: byteOrderedText("request_id").primaryKey(),
    orgId: text("org_id").notNull(),
    code: text("code").notNull(),
    httpStatus: integer("http_status").notNull(),
    occurredAt: epochMs("occurred_at").notNull(),
    prunedAt: epochMs("pruned_at").notNull(),
  },
  // A btree, not a BRIN like events': tombstones are deleted oldest first, which needs "oldest N".
  (table) => [index("pruned_events_occurred_idx").on(table.occurredAt)],
);
