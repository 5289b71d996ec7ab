import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Organizations are created the first time an event names them; `name` can be set later. */
export const organizations = sqliteTable("organizations", {
  id: text("id").primaryKey(),
  name: text("name"),
  firstSeenAt: integer("first_seen_at").notNull(),
});

export type OrganizationRow = typeof organizations.$inferSelect;
