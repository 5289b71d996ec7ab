import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "../schema-pg";

export type PgDb = NodePgDatabase<typeof schema>;

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations-pg");

/** PostgreSQL type ids whose text form node-postgres leaves as strings by default. */
const INT8 = 20;
const NUMERIC = 1700;

/*
 * Counts and sums come back as int8 or numeric, which node-postgres returns as strings to protect
 * values past 2^53. Errata's are counts and epoch milliseconds, far below it, and the SQLite
 * backend returns numbers: parsing them here keeps every query's rows alike on both backends.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid);
  }) as pg.CustomTypesConfig["getTypeParser"],
};
// drizzle's node-postgres driver passes its own `types` with every query, which fall back to pg's
// global parsers rather than the pool's: without these, its rows would hold int8 and numeric as strings.
pg.types.setTypeParser(INT8, Number);
pg.types.setTypeParser(NUMERIC, Number);

export interface PgHandle {
  db: PgDb;
  pool: pg.Pool;
}

/**
 * Opens a pool on `url` and applies pending migrations under an advisory lock, so that instances
 * starting together migrate once: the first takes the lock and migrates, the others wait for it and
 * then find nothing to apply. The lock and the migrations' bookkeeping table are per schema (the
 * connection's `search_path`), so separate schemas — one per test — migrate independently.
 */
export async function openPostgres(url: string, poolSize: number): Promise<PgHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle client that loses its connection emits here; without a listener it would crash the process.
  pool.on("error", () => {});
  try {
    await migrateUnderLock(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { db: drizzle(pool, { schema }), pool };
}

async function migrateUnderLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ schema: string }>("select current_schema() as schema");
    const migrationsSchema = rows[0]?.schema ?? "public";
    const lockName = `errata.migrate.${migrationsSchema}`;
    await client.query("select pg_advisory_lock(hashtext($1))", [lockName]);
    try {
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema });
    } finally {
      await client.query("select pg_advisory_unlock(hashtext($1))", [lockName]);
    }
  } finally {
    client.release();
  }
}

/** How many migrations the folder holds, for readiness: the applied count must reach it. */
export const PG_MIGRATIONS_FOLDER = MIGRATIONS_FOLDER;
