import { pgTable, text } from "drizzle-orm/pg-core";
import { epochMs } from "./columns";

export const organizations = pgTable("organizations", {
  id: text("id").primaryKey(),
  name: text("name"),
  firstSeenAt: epochMs("first_seen_at").notNull(),
});
