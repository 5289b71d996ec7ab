import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
