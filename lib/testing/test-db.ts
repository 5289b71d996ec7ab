import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";
import { closeDatabase, useDatabaseFile, type Db } from "@/db/client";

/**
 * Gives the calling test file a fresh, migrated SQLite database in a temporary folder and makes it
 * the process's database. Call in `beforeEach` (or `beforeAll`); the returned function removes it.
 */
export function useFreshDatabase(): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "errata-test-"));
  const file = path.join(dir, "errata.db");
  const db = useDatabaseFile(file);
  return {
    db,
    file,
    cleanup: () => {
      closeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The database of the test that is running, as `setupFreshDatabasePerTest` hands it out. */
export interface CurrentTestDatabase {
  readonly db: Db;
  readonly file: string;
}

/**
 * Registers `beforeEach`/`afterEach` hooks giving every test in the calling file its own fresh
 * database, removed after the test. Read `db` and `file` inside tests, never at module load.
 */
export function setupFreshDatabasePerTest(): CurrentTestDatabase {
  let database: ReturnType<typeof useFreshDatabase> | undefined;
  const current = () => {
    if (!database) throw new Error("setupFreshDatabasePerTest: read db and file inside a test");
    return database;
  };
  beforeEach(() => {
    database = useFreshDatabase();
  });
  afterEach(() => {
    database?.cleanup();
    database = undefined;
  });
  return {
    get db() {
      return current().db;
    },
    get file() {
      return current().file;
    },
  };
}
