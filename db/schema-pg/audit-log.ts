import { bigint, boolean, index, pgTable, text } from "drizzle-orm/pg-core";
import { byteOrderedText, epochMs } from "./columns";

/** Who looked at which stored request, and when (see db/schema/audit-log.ts). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    viewedAt: epochMs("viewed_at").notNull(),
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id").notNull(),
    actorLabel: text("actor_label").notNull(),
    requestId: byteOrderedText("request_id").notNull(),
    via: text("via").notNull(),
    found: boolean("found").notNull(),
  },
  (table) => [
    index("audit_log_viewed_idx").on(table.viewedAt),
    index("audit_log_actor_viewed_idx").on(table.actorId, table.viewedAt),
    index("audit_log_request_viewed_idx").on(table.requestId, table.viewedAt),
  ],
);
