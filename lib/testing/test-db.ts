import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach } from "vitest";
import { closeDatabase, useDatabase, type AppDatabase, type Db, type Dialect, type Tables } from "@/db/client";

/*
 * Fresh databases for tests, on the backend the run is for. vitest.config.ts runs the test files
 * that open a database twice: once on SQLite (always) and once on PostgreSQL, with
 * ERRATA_TEST_BACKEND=postgres, when a server answers at ERRATA_TEST_POSTGRES_URL. On PostgreSQL
 * each fresh database is a new schema (the connection's search_path), dropped afterwards, so test
 * files run in parallel on one server without seeing each other's rows.
 */

export const DEFAULT_TEST_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

/** The backend this test run is for. */
export function testBackend(): Dialect {
  return process.env.ERRATA_TEST_BACKEND === "postgres" ? "postgres" : "sqlite";
}

export function testPostgresUrl(): string {
  return process.env.ERRATA_TEST_POSTGRES_URL ?? DEFAULT_TEST_POSTGRES_URL;
}

/** `url` with the connection's search_path set to `schema`. */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", `-c search_path=${schema}`);
  return parsed.toString();
}

/** Runs one statement on the test server outside any app connection (creating and dropping schemas). */
async function onTestServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends AppDatabase {
  /** The DATABASE_URL naming it (a `file:` URL, or a postgres:// URL with its own search_path). */
  url: string;
  /** The SQLite file; throws on PostgreSQL (tests that need the file are SQLite-only). */
  readonly file: string;
  cleanup: () => Promise<void>;
}

/** Makes a fresh, migrated database the process's database; `cleanup` closes and removes it. */
export async function useFreshDatabase(): Promise<TestDatabase> {
  if (testBackend() === "postgres") {
    const schema = `test_${randomBytes(6).toString("hex")}`;
    await onTestServer(`create schema ${schema}`);
    const url = withSearchPath(testPostgresUrl(), schema);
    const database = await useDatabase(url);
    return {
      ...database,
      url,
      get file(): string {
        throw new Error("this test needs a SQLite file; skip it on PostgreSQL (testBackend())");
      },
      cleanup: async () => {
        await closeDatabase();
        await onTestServer(`drop schema ${schema} cascade`);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "errata-test-"));
  const file = path.join(dir, "errata.db");
  const url = `file:${file}`;
  const database = await useDatabase(url);
  return {
    ...database,
    url,
    file,
    cleanup: async () => {
      await closeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The database of the test that is running, as `setupFreshDatabasePerTest` hands it out. */
export interface CurrentTestDatabase {
  readonly db: Db;
  readonly t: Tables;
  readonly dialect: Dialect;
  readonly url: string;
  /** SQLite only (see TestDatabase.file). */
  readonly file: string;
  /** The whole handle, for helpers that take an AppDatabase (db/raw.ts, db/transaction.ts). */
  readonly database: AppDatabase;
}

/**
 * Registers `beforeEach`/`afterEach` hooks giving every test in the calling file its own fresh
 * database, removed after the test. Read its fields inside tests, never at module load.
 */
export function setupFreshDatabasePerTest(): CurrentTestDatabase {
  let database: TestDatabase | undefined;
  const current = () => {
    if (!database) throw new Error("setupFreshDatabasePerTest: read db and file inside a test");
    return database;
  };
  beforeEach(async () => {
    database = await useFreshDatabase();
  });
  afterEach(async () => {
    await database?.cleanup();
    database = undefined;
  });
  return {
    get db() {
      return current().db;
    },
    get t() {
      return current().t;
    },
    get dialect() {
      return current().dialect;
    },
    get url() {
      return current().url;
    },
    get file() {
      return current().file;
    },
    get database() {
      return current();
    },
  };
}
