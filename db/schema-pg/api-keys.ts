import { bigint, index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { epochMs } from "./columns";

/** Errata's own API keys (see db/schema/api-keys.ts: only hashes are stored). */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    createdAt: epochMs("created_at").notNull(),
    lastUsedAt: epochMs("last_used_at"),
    revokedAt: epochMs("revoked_at"),
    expiresAt: epochMs("expires_at"),
    signingSecret: text("signing_secret"),
  },
  (table) => [uniqueIndex("api_keys_hash_unique").on(table.hash), index("api_keys_prefix_idx").on(table.prefix)],
);
