import "server-only";

import type Database from "better-sqlite3";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { generateApiKey, generateSigningSecret, type KeyScope } from "@/lib/auth/api-key-secret";
import { getDb, type Db } from "../client";
import { apiKeys } from "../schema";

/** A key as it may leave the data layer: never its hash, never its signing secret. */
export interface ApiKeySummary {
  id: number;
  name: string;
  prefix: string;
  scopes: KeyScope[];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  expiresAt: number | null;
  /** Whether submissions with this key must be signed; the secret itself stays in the table. */
  hasSigningSecret: boolean;
}

// Every select lists its columns: `signing_secret` and `hash` must be asked for by name.
const summaryColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  expiresAt: apiKeys.expiresAt,
  hasSigningSecret: sql<boolean>`${apiKeys.signingSecret} is not null`.mapWith(Boolean),
};

function toSummary(row: { scopes: string[] } & Omit<ApiKeySummary, "scopes">): ApiKeySummary {
  return { ...row, scopes: row.scopes as KeyScope[] };
}

export interface NewApiKey {
  name: string;
  scopes: KeyScope[];
  expiresAt?: number | null;
  /** Generate a signing secret, making signed submissions mandatory for this key. */
  signingSecret?: boolean;
  now?: number;
}

/** Creates a key; its secret (and signing secret) are returned here once and never again. */
export function createApiKey(input: NewApiKey): { secret: string; signingSecret: string | null; key: ApiKeySummary } {
  const key = generateApiKey();
  const signingSecret = input.signingSecret ? generateSigningSecret() : null;
  const [row] = getDb()
    .insert(apiKeys)
    .values({
      name: input.name,
      prefix: key.prefix,
      hash: key.hash,
      scopes: input.scopes,
      createdAt: input.now ?? Date.now(),
      expiresAt: input.expiresAt ?? null,
      signingSecret,
    })
    .returning(summaryColumns)
    .all();
  if (!row) throw new Error("insert into api_keys returned no row");
  return { secret: key.secret, signingSecret, key: toSummary(row) };
}

export function listApiKeys(): ApiKeySummary[] {
  return getDb().select(summaryColumns).from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).all().map(toSummary);
}

/** The stored key for a hash, with the hash itself so the caller can compare it in constant time. */
function prepareKeyLookup(db: Db) {
  return db
    .select({ ...summaryColumns, hash: apiKeys.hash })
    .from(apiKeys)
    .where(eq(apiKeys.hash, sql.placeholder("hash")))
    .prepare();
}

// Every authenticated request looks its key up: prepare once per database handle, not per request.
const keyLookups = new WeakMap<Db, ReturnType<typeof prepareKeyLookup>>();

export function findApiKeyByHash(hash: string): (ApiKeySummary & { hash: string }) | undefined {
  const db = getDb();
  let lookup = keyLookups.get(db);
  if (!lookup) {
    lookup = prepareKeyLookup(db);
    keyLookups.set(db, lookup);
  }
  const row = lookup.get({ hash });
  return row && { ...toSummary(row), hash: row.hash };
}

/**
 * The signing secret of a key, read only to verify a signed submission (lib/auth/webhook-signature.ts
 * is its one caller). Keep it inside db/ and lib/auth: never return it from an action or a route.
 */
export function findSigningSecret(keyId: number): string | null {
  const row = getDb().select({ signingSecret: apiKeys.signingSecret }).from(apiKeys).where(eq(apiKeys.id, keyId)).get();
  return row?.signingSecret ?? null;
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

/** Revokes one key by id; a key already revoked keeps its first revocation time. Undefined when unknown. */
export function revokeApiKeyById(id: number, now = Date.now()): ApiKeySummary | undefined {
  const db = getDb();
  db.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).run();
  const row = db.select(summaryColumns).from(apiKeys).where(eq(apiKeys.id, id)).get();
  return row && toSummary(row);
}

/**
 * Key uses waiting to be written (key id → latest use), per database handle: tests switch
 * databases between uses, and a batch must land in the database its keys were read from — or
 * nowhere, once that database is closed (writing then would reopen the default file).
 */
const pendingUses = new Map<Db, Map<number, number>>();

/** Remembers a key use in memory; `flushApiKeyUses` writes it. Costs no database access. */
export function bufferApiKeyUse(id: number, at: number): void {
  const db = getDb();
  let uses = pendingUses.get(db);
  if (!uses) pendingUses.set(db, (uses = new Map()));
  uses.set(id, Math.max(uses.get(id) ?? 0, at));
}

export function pendingApiKeyUseCount(): number {
  let count = 0;
  for (const uses of pendingUses.values()) count += uses.size;
  return count;
}

function isOpen(db: Db): boolean {
  return (db as Db & { $client: Database.Database }).$client.open;
}

/**
 * Writes every buffered use, one transaction per database; `last_used_at` only moves forward, so
 * an older batch finishing late cannot hide a newer use. On failure the uses stay buffered (merged
 * with newer ones) and the error is rethrown for the caller to retry later.
 */
export function flushApiKeyUses(): number {
  let written = 0;
  for (const [db, uses] of [...pendingUses]) {
    pendingUses.delete(db);
    if (!isOpen(db)) continue;
    try {
      db.transaction((tx) => {
        for (const [id, at] of uses) {
          tx.update(apiKeys)
            .set({ lastUsedAt: at })
            .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, at))))
            .run();
        }
      });
      written += uses.size;
    } catch (error) {
      const newer = pendingUses.get(db);
      for (const [id, at] of newer ?? []) uses.set(id, Math.max(uses.get(id) ?? 0, at));
      pendingUses.set(db, uses);
      throw error;
    }
  }
  return written;
}
