import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Ingest submissions Errata refused (the rejected-ingest trail), kept for a few days and bounded in
 * rows. Only what is safe to keep: never the body, never more of a key than its display prefix.
 * Identical refusals without request ids that arrive together (a 429 or 401 flood) share one row.
 */
export const rejectedIngests = sqliteTable(
  "rejected_ingests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    receivedAt: integer("received_at").notNull(),
    /** Errata's display prefix of the key sent (`erk_` + 8 characters), or null when none was readable. */
    keyPrefix: text("key_prefix"),
    httpStatus: integer("http_status").notNull(),
    code: text("code").notNull(),
    /** What was wrong, short: `events[3].code: must not be empty; …` or the refusal's message. */
    summary: text("summary").notNull(),
    /** The `request_id` Errata answered with (its own), so a sender's report can be matched. */
    errataRequestId: text("errata_request_id").notNull(),
    /** Events in the body when it was parsed, else null. */
    eventCount: integer("event_count"),
    /** Request ids kept for this submission (at most the per-submission cap). */
    requestIdCount: integer("request_id_count").notNull().default(0),
    /** Refusals this row stands for: identical id-less refusals within a moment are counted, not repeated. */
    repeats: integer("repeats").notNull().default(1),
  },
  (table) => [
    index("rejected_ingests_received_idx").on(table.receivedAt),
    index("rejected_ingests_key_received_idx").on(table.keyPrefix, table.receivedAt),
    index("rejected_ingests_code_received_idx").on(table.code, table.receivedAt),
    index("rejected_ingests_errata_request_idx").on(table.errataRequestId),
  ],
);

/** The request ids read from refused bodies, looked up by id when support searches one. */
export const rejectedRequestIds = sqliteTable(
  "rejected_request_ids",
  {
    requestId: text("request_id").notNull(),
    rejectionId: integer("rejection_id")
      .notNull()
      .references(() => rejectedIngests.id, { onDelete: "cascade" }),
  },
  (table) => [
    // BINARY collation: exact ids and `>= ? AND < ?` prefix ranges both use the primary key.
    primaryKey({ columns: [table.requestId, table.rejectionId] }),
    // Pruning deletes parents; without this index each cascade would scan the whole table.
    index("rejected_request_ids_rejection_idx").on(table.rejectionId),
  ],
);

export type RejectedIngestRow = typeof rejectedIngests.$inferSelect;
