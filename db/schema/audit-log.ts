import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Who looked at which stored request, and when: every view of a request's page or of its API record.
 * Rows are only ever inserted; nothing in the app updates or deletes them.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    viewedAt: integer("viewed_at").notNull(),
    /** `user` (a dashboard session) or `key` (an API key). */
    actorKind: text("actor_kind").notNull(),
    /** The user's id, or the key's display prefix. */
    actorId: text("actor_id").notNull(),
    /** The user's e-mail or the key's name at the time of the view, so the log reads without joins. */
    actorLabel: text("actor_label").notNull(),
    requestId: text("request_id").notNull(),
    /** `page` (the dashboard's request page) or `api` (GET /api/v1/events/{request_id}). */
    via: text("via").notNull(),
    /** Whether the id was stored at the time: looking up unknown ids is recorded too. */
    found: integer("found", { mode: "boolean" }).notNull(),
  },
  (table) => [
    index("audit_log_viewed_idx").on(table.viewedAt),
    index("audit_log_actor_viewed_idx").on(table.actorId, table.viewedAt),
    index("audit_log_request_viewed_idx").on(table.requestId, table.viewedAt),
  ],
);
