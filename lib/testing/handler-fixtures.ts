import { count, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterEach, beforeAll, beforeEach, expect } from "vitest";
import type { AppDatabase, Db } from "@/db/client";
import { executeStatement } from "@/db/raw";
import { createApiKey } from "@/db/queries/api-keys";
import type { KeyScope } from "@/lib/auth/api-key-secret";
import { logger } from "@/lib/log";
import { setupFreshDatabasePerTest, type CurrentTestDatabase } from "./test-db";

export const BASE_URL = "http://errata.test";

export interface ErrorEnvelope {
  code: string;
  message: string;
  details: Record<string, unknown>;
  request_id: string;
}

/** The second argument Next passes to a route handler. */
export function routeContext(params: Record<string, string> = {}) {
  return { params: Promise.resolve(params) };
}

export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

/** One key per scope set, created in the current test database. */
export async function createKeys() {
  const make = async (name: string, scopes: KeyScope[]) => (await createApiKey({ name, scopes })).secret;
  return {
    ingest: await make("ingest only", ["ingest"]),
    read: await make("read only", ["read"]),
    both: await make("ingest and read", ["ingest", "read"]),
  };
}

export type TestKeys = Awaited<ReturnType<typeof createKeys>>;

/** What `setupHandlerTests` gives a test file; each property is the current test's. */
export interface HandlerTestDatabase extends CurrentTestDatabase {
  readonly keys: TestKeys;
}

/**
 * Registers the hooks every handler test file needs: a silent logger, then per test a fresh
 * migrated database, one key per scope set and the optional `seed` rows, removed after the test.
 * Read the returned properties inside tests (or helpers they call), never at module load.
 */
export function setupHandlerTests(seed?: () => Promise<void> | void): HandlerTestDatabase {
  const database = setupFreshDatabasePerTest();
  let keys: TestKeys | undefined;

  beforeAll(() => {
    logger.level = "silent";
  });
  beforeEach(async () => {
    keys = await createKeys();
    await seed?.();
  });
  afterEach(() => {
    keys = undefined;
  });

  return {
    get keys() {
      if (!keys) throw new Error("setupHandlerTests: read keys inside a test");
      return keys;
    },
    get db() {
      return database.db;
    },
    get t() {
      return database.t;
    },
    get dialect() {
      return database.dialect;
    },
    get url() {
      return database.url;
    },
    get file() {
      return database.file;
    },
    get database() {
      return database.database;
    },
  };
}

/** How many rows `table` holds (on either backend; take the table from the test database's `t`). */
export async function countRows({ db }: { db: Db }, table: SQLiteTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

/**
 * Runs `work` while `tables` are missing, so every query on them fails as on a broken database, and
 * puts them back afterwards. Renamed, not dropped: on PostgreSQL the test schema outlives the test.
 */
export async function withoutTables<T>(database: AppDatabase, tables: readonly string[], work: () => Promise<T>): Promise<T> {
  const rename = (from: string, to: string) => executeStatement(database, sql`alter table ${sql.identifier(from)} rename to ${sql.identifier(to)}`);
  for (const table of tables) await rename(table, `${table}_hidden`);
  try {
    return await work();
  } finally {
    for (const table of tables) await rename(`${table}_hidden`, table);
  }
}

/**
 * Asserts a response is the unified error envelope with this status and code — all four fields,
 * the request id in both body and `X-Request-Id` — and returns the body.
 */
export async function expectEnvelope(response: Response, status: number, code: string): Promise<ErrorEnvelope> {
  const body = (await response.json()) as ErrorEnvelope;
  expect({ status: response.status, code: body.code }).toEqual({ status, code });
  expect(Object.keys(body).sort()).toEqual(["code", "details", "message", "request_id"]);
  expect(body.message).toEqual(expect.any(String));
  expect(body.details).toEqual(expect.any(Object));
  expect(body.request_id).toMatch(/^req_[0-9a-f]{24}$/);
  expect(response.headers.get("X-Request-Id")).toBe(body.request_id);
  return body;
}
