import "server-only";

import { and, desc, eq, isNull } from "drizzle-orm";
import { generateApiKey, type KeyScope } from "@/lib/auth/api-key-secret";
import { getDb } from "../client";
import { apiKeys } from "../schema";

/** A key as it may leave the data layer: never its hash. */
export interface ApiKeySummary {
  id: number;
  name: string;
  prefix: string;
  scopes: KeyScope[];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const summaryColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

function toSummary(row: { scopes: string[] } & Omit<ApiKeySummary, "scopes">): ApiKeySummary {
  return { ...row, scopes: row.scopes as KeyScope[] };
}

/** Creates a key and returns its secret, which exists only in this return value. */
export function createApiKey(input: { name: string; scopes: KeyScope[]; now?: number }) {
  const key = generateApiKey();
  const [row] = getDb()
    .insert(apiKeys)
    .values({ name: input.name, prefix: key.prefix, hash: key.hash, scopes: input.scopes, createdAt: input.now ?? Date.now() })
    .returning(summaryColumns)
    .all();
  if (!row) throw new Error("insert into api_keys returned no row");
  return { secret: key.secret, key: toSummary(row) };
}

export function listApiKeys(): ApiKeySummary[] {
  return getDb().select(summaryColumns).from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).all().map(toSummary);
}

/** The stored key for a hash, with the hash itself so the caller can compare it in constant time. */
export function findApiKeyByHash(hash: string): (ApiKeySummary & { hash: string }) | undefined {
  const row = getDb().select({ ...summaryColumns, hash: apiKeys.hash }).from(apiKeys).where(eq(apiKeys.hash, hash)).get();
  return row && { ...toSummary(row), hash: row.hash };
}

/** Revokes the active keys whose display prefix starts with `prefix`; returns the ones revoked. */
export function revokeApiKeysByPrefix(prefix: string, now = Date.now()): ApiKeySummary[] {
  const db = getDb();
  return db.transaction((tx) => {
    const matching = tx
      .select(summaryColumns)
      .from(apiKeys)
      .where(isNull(apiKeys.revokedAt))
      .all()
      .filter((key) => key.prefix.startsWith(prefix));
    for (const key of matching) {
      tx.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.id, key.id), isNull(apiKeys.revokedAt))).run();
    }
    return matching.map((key) => toSummary({ ...key, revokedAt: now }));
  });
}

export function recordApiKeyUse(id: number, at: number): void {
  getDb().update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id)).run();
}
