import "server-only";

import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { logger } from "@/lib/log";
import { dialectOf, type Dialect } from "./dialect";
import { database } from "./client";
import { selectRows } from "./raw";

export type DatabaseReadiness =
  | { ready: true; dialect: Dialect; migrations: number }
  | { ready: false; dialect: Dialect; reason: string };

/** Each backend's committed migrations, as drizzle-kit lists them in the folder's journal. */
const MIGRATION_FOLDERS: Record<Dialect, string> = { sqlite: "migrations", postgres: "migrations-pg" };

function committedMigrations(dialect: Dialect): number {
  const journal = path.join(process.cwd(), "db", MIGRATION_FOLDERS[dialect], "meta", "_journal.json");
  const { entries } = JSON.parse(fs.readFileSync(journal, "utf8")) as { entries: unknown[] };
  return entries.length;
}

/** The backend DATABASE_URL names, read without env(): readiness must answer even when settings are bad. */
function configuredDialect(): Dialect {
  return dialectOf(process.env.DATABASE_URL ?? "file:") ?? "sqlite";
}

/**
 * Whether the database answers and holds every committed migration. Migrations are applied when
 * the database is first opened, so "not all applied" means another instance is mid-migration or
 * this build is newer than the database's. Connection failures are answers here, not errors.
 */
export async function databaseReadiness(): Promise<DatabaseReadiness> {
  let dialect = configuredDialect();
  try {
    const handle = await database();
    dialect = handle.dialect;
    // drizzle's migrators keep their bookkeeping table beside the app's (db/client.ts, db/postgres/open.ts).
    const [row] = await selectRows<{ applied: number }>(handle, sql`select count(*) as "applied" from __drizzle_migrations`);
    const applied = Number(row?.applied ?? 0);
    const expected = committedMigrations(dialect);
    if (applied < expected) return { ready: false, dialect, reason: `${applied} of ${expected} migrations applied` };
    return { ready: true, dialect, migrations: applied };
  } catch (error) {
    // The endpoint is public: the driver's message (host, port, user) goes to the log, not the answer.
    logger.warn({ err: error, dialect }, "readiness check: the database did not answer");
    return { ready: false, dialect, reason: "database unreachable" };
  }
}
