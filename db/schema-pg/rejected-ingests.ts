import { bigint, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { byteOrderedText, epochMs } from "./columns";

/** Refused ingest submissions (see db/schema/rejected-ingests.ts). */
export const rejectedIngests = pgTable(
  "rejected_ingests",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    receivedAt: epochMs("received_at").notNull(),
    keyPrefix: text("key_prefix"),
    httpStatus: integer("http_status").notNull(),
    code: text("code").notNull(),
    summary: text("summary").notNull(),
    errataRequestId: text("errata_request_id").notNull(),
    eventCount: integer("event_count"),
    requestIdCount: integer("request_id_count").notNull().default(0),
    repeats: integer("repeats").notNull().default(1),
  },
  (table) => [
    index("rejected_ingests_received_idx").on(table.receivedAt),
    index("rejected_ingests_key_received_idx").on(table.keyPrefix, table.receivedAt),
    index("rejected_ingests_code_received_idx").on(table.code, table.receivedAt),
    index("rejected_ingests_errata_request_idx").on(table.errataRequestId),
  ],
);

export const rejectedRequestIds = pgTable(
  "rejected_request_ids",
  {
    requestId: byteOrderedText("request_id").notNull(),
    rejectionId: bigint("rejection_id", { mode: "number" })
      .notNull()
      .references(() => rejectedIngests.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.requestId, table.rejectionId] }),
    index("rejected_request_ids_rejection_idx").on(table.rejectionId),
  ],
);
