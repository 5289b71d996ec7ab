import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Errata's own API keys. The key itself is never stored: only its SHA-256 (keys are 190+ bits of
 * randomness, so a fast hash is safe) and a short display prefix that identifies the key in lists.
 */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
    /** Null: the key never expires. Checked on every authentication, so it needs no index. */
    expiresAt: integer("expires_at"),
    /**
     * The webhook signing secret, when the key requires signed submissions. Unlike the key, it is
     * stored as issued: verifying an HMAC means recomputing it, which needs the secret itself (a
     * hash cannot). It is read only by `findSigningSecret` for a signed submission, never by a
     * list or summary query, and never logged. On its own it cannot submit anything: a request
     * still needs the bearer key, whose hash is all the database holds.
     */
    signingSecret: text("signing_secret"),
  },
  (table) => [
    uniqueIndex("api_keys_hash_unique").on(table.hash),
    index("api_keys_prefix_idx").on(table.prefix),
  ],
);
