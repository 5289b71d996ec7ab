import "server-only";

import { and, desc, eq, isNull, lt, or, sql, type Placeholder } from "drizzle-orm";
import { generateApiKey, generateSigningSecret, type KeyScope } from "@/lib/auth/api-key-secret";
import { database, type AppDatabase, type Db, type Tables } from "../client";
import { firstRow } from "../raw";
import { exec, rows, transaction } from "../transaction";

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
function summaryColumns({ apiKeys }: Tables) {
  return {
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
}

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
export async function createApiKey(input: NewApiKey): Promise<{ secret: string; signingSecret: string | null; key: ApiKeySummary }> {
  const { db, t } = await database();
  const key = generateApiKey();
  const signingSecret = input.signingSecret ? generateSigningSecret() : null;
  const [row] = await db
    .insert(t.apiKeys)
    .values({
      name: input.name,
      prefix: key.prefix,
      hash: key.hash,
      scopes: input.scopes,
      createdAt: input.now ?? Date.now(),
      expiresAt: input.expiresAt ?? null,
      signingSecret,
    })
    .returning(summaryColumns(t));
  if (!row) throw new Error("insert into api_keys returned no row");
  return { secret: key.secret, signingSecret, key: toSummary(row) };
}

export async function listApiKeys(): Promise<ApiKeySummary[]> {
  const { db, t } = await database();
  return (await db.select(summaryColumns(t)).from(t.apiKeys).orderBy(desc(t.apiKeys.createdAt), desc(t.apiKeys.id))).map(toSummary);
}

/** The stored key for a hash, with the hash itself so the caller can compare it in constant time. */
function keyLookup({ db, t }: AppDatabase, hash: string | Placeholder) {
  return db
    .select({ ...summaryColumns(t), hash: t.apiKeys.hash })
    .from(t.apiKeys)
    .where(eq(t.apiKeys.hash, hash))
    .limit(1);
}

// Every authenticated request looks its key up: on SQLite, prepare once per database handle rather
// than render and prepare per request (PostgreSQL's driver round trip dwarfs the rendering).
const preparedKeyLookups = new WeakMap<Db, ReturnType<ReturnType<typeof keyLookup>["prepare"]>>();

async function lookupKeyRow(hash: string) {
  const handle = await database();
  if (handle.dialect !== "sqlite") return firstRow(await keyLookup(handle, hash));
  let lookup = preparedKeyLookups.get(handle.db);
  if (!lookup) {
    lookup = keyLookup(handle, sql.placeholder("hash")).prepare();
    preparedKeyLookups.set(handle.db, lookup);
  }
  return lookup.get({ hash });
}

export async function findApiKeyByHash(hash: string): Promise<(ApiKeySummary & { hash: string }) | undefined> {
  const row = await lookupKeyRow(hash);
  return row && { ...toSummary(row), hash: row.hash };
}

/**
 * The signing secret of a key, read only to verify a signed submission (lib/auth/webhook-signature.ts
 * is its one caller). Keep it inside db/ and lib/auth: never return it from an action or a route.
 */
export async function findSigningSecret(keyId: number): Promise<string | null> {
  const { db, t } = await database();
  const row = firstRow(await db.select({ signingSecret: t.apiKeys.signingSecret }).from(t.apiKeys).where(eq(t.apiKeys.id, keyId)).limit(1));
  return row?.signingSecret ?? null;
}

/** Revokes the active keys whose display prefix starts with `prefix`; returns the ones revoked. */
export async function revokeApiKeysByPrefix(prefix: string, now = Date.now()): Promise<ApiKeySummary[]> {
  const handle = await database();
  const { apiKeys } = handle.t;
  return transaction(handle, function* (tx) {
    const active = yield* rows(tx.select(summaryColumns(handle.t)).from(apiKeys).where(isNull(apiKeys.revokedAt)));
    const matching = active.filter((key) => key.prefix.startsWith(prefix));
    for (const key of matching) {
      yield* exec(tx.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.id, key.id), isNull(apiKeys.revokedAt))));
    }
    return matching.map((key) => toSummary({ ...key, revokedAt: now }));
  });
}

/** Revokes one key by id; a key already revoked keeps its first revocation time. Undefined when unknown. */
export async function revokeApiKeyById(id: number, now = Date.now()): Promise<ApiKeySummary | undefined> {
  const { db, t } = await database();
  await db.update(t.apiKeys).set({ revokedAt: now }).where(and(eq(t.apiKeys.id, id), isNull(t.apiKeys.revokedAt)));
  const row = firstRow(await db.select(summaryColumns(t)).from(t.apiKeys).where(eq(t.apiKeys.id, id)).limit(1));
  return row && toSummary(row);
}

/**
 * Key uses waiting to be written (key id → latest use), per database handle: tests switch
 * databases between uses, and a batch must land in the database its keys were read from — or
 * nowhere, once that database is closed (writing then would reopen the default one).
 */
const pendingUses = new Map<AppDatabase, Map<number, number>>();

/** Remembers a key use in memory; `flushApiKeyUses` writes it. Costs no database access. */
export async function bufferApiKeyUse(id: number, at: number): Promise<void> {
  const handle = await database();
  let uses = pendingUses.get(handle);
  if (!uses) pendingUses.set(handle, (uses = new Map()));
  uses.set(id, Math.max(uses.get(id) ?? 0, at));
}

export function pendingApiKeyUseCount(): number {
  let count = 0;
  for (const uses of pendingUses.values()) count += uses.size;
  return count;
}

/** Whether the connection (better-sqlite3) or pool (node-postgres) under a handle is still open. */
function isOpen({ db }: AppDatabase): boolean {
  const client = (db as Db & { $client: { open?: boolean; ended?: boolean } }).$client;
  return client.open ?? client.ended === false;
}

/**
 * Writes every buffered use, one transaction per database; `last_used_at` only moves forward, so
 * an older batch finishing late cannot hide a newer use (or another instance's newer write). On
 * failure the uses stay buffered (merged with newer ones) and the error is rethrown for the caller
 * to retry later.
 */
export async function flushApiKeyUses(): Promise<number> {
  let written = 0;
  for (const [handle, uses] of [...pendingUses]) {
    pendingUses.delete(handle);
    if (!isOpen(handle)) continue;
    const { apiKeys } = handle.t;
    try {
      await transaction(handle, function* (tx) {
        // In key order, so two instances flushing at once lock the same rows in the same order.
        for (const [id, at] of [...uses].sort(([a], [b]) => a - b)) {
          yield* exec(
            tx
              .update(apiKeys)
              .set({ lastUsedAt: at })
              .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, at)))),
          );
        }
      });
      written += uses.size;
    } catch (error) {
      const newer = pendingUses.get(handle);
      for (const [id, at] of newer ?? []) uses.set(id, Math.max(uses.get(id) ?? 0, at));
      pendingUses.set(handle, uses);
      throw error;
    }
  }
  return written;
}
