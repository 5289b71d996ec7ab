import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach } from "vitest";
import { closeDatabase, useDatabase, type AppDatabase, type Db, type Dialect, type Tables } from "@/db/client";
import { executeStatement } from "@/db/raw";
import { onTestServer, testPostgresUrl } from "./postgres-test-server";

/*
 * Fresh databases for tests, on the backend the run is for. vitest.config.ts runs the test files
 * that open a database twice: once on SQLite (always) and once on PostgreSQL, with
 * ERRATA_TEST_BACKEND=postgres, when a server answers at ERRATA_TEST_POSTGRES_URL. On PostgreSQL
 * each test worker has its own schema (the connection's search_path), emptied for every fresh
 * database, so test files run in parallel on one server without seeing each other's rows.
 */

/** The backend this test run is for. */
export function testBackend(): Dialect {
  return process.env.ERRATA_TEST_BACKEND === "postgres" ? "postgres" : "sqlite";
}

/** `url` with the connection's search_path set to `schema`. */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", `-c search_path=${schema}`);
  return parsed.toString();
}

export interface TestDatabase extends AppDatabase {
  /** The DATABASE_URL naming it (a `file:` URL, or a postgres:// URL with its own search_path). */
  url: string;
  /** The SQLite file; throws on PostgreSQL (tests that need the file are SQLite-only). */
  readonly file: string;
  cleanup: () => Promise<void>;
}

/**
 * This worker's PostgreSQL schema, created and migrated by its first test. Creating and migrating a
 * schema per test cost over a second; emptying the tables of one that is already migrated costs a
 * few milliseconds. vitest.postgres-setup.ts drops every test schema when the run ends.
 */
let workerSchema: string | undefined;

async function freshPostgresDatabase(): Promise<TestDatabase> {
  if (!workerSchema) {
    workerSchema = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const schema = workerSchema;
    await onTestServer((client) => client.query(`create schema ${schema}`));
  }
  const url = withSearchPath(testPostgresUrl(), workerSchema);
  const database = await useDatabase(url);
  // DELETE, not TRUNCATE: on tables this small it is ten times faster (TRUNCATE makes new files).
  // Foreign keys all cascade, so the order does not matter. Identities restart too, so ids are as
  // predictable as in a new SQLite file.
  await executeStatement(database, sql`
    do $$ declare name text; begin
      for name in select quote_ident(tablename) from pg_tables where schemaname = current_schema() and tablename <> '__drizzle_migrations' loop
        execute 'delete from ' || name;
      end loop;
      for name in select quote_ident(sequencename) from pg_sequences where schemaname = current_schema() loop
        execute 'alter sequence ' || name || ' restart';
      end loop;
    end $$`);
  return {
    ...database,
    url,
    get file(): string {
      throw new Error("this test needs a SQLite file; skip it on PostgreSQL (testBackend())");
    },
    cleanup: closeDatabase,
  };
}

/** Makes a fresh, migrated database the process's database; `cleanup` closes (and on SQLite removes) it. */
export async function useFreshDatabase(): Promise<TestDatabase> {
  if (testBackend() === "postgres") return freshPostgresDatabase();
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
