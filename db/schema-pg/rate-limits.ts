import { boolean, doublePrecision, pgTable, text } from "drizzle-orm/pg-core";
import { epochMs } from "./columns";

/**
 * Ingest token buckets shared by every instance on this database, when no Redis is configured
 * (PostgreSQL only: on SQLite one process serves, and keeps its buckets in memory). One row per
 * bucket, i.e. per API key; db/queries/rate-limits.ts refills and takes in one statement.
 */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  /** Tokens left after the latest take; fractional, since the bucket refills continuously. */
  tokens: doublePrecision("tokens").notNull(),
  /** When `tokens` was worked out; refills count from here. */
  updatedAt: epochMs("updated_at").notNull(),
  /** Whether the latest take was admitted: the statement's answer, which `tokens` alone cannot give. */
  admitted: boolean("admitted").notNull(),
});
