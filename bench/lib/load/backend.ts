import path from "node:path";
import { postgresBackend } from "./backend-postgres";
import { sqliteBackend } from "./backend-sqlite";

/**
 * Where a load run stores its data: a fresh database that the CLI, every instance and the checks
 * share through one DATABASE_URL, and the few reads the benchmark makes itself (bench code, so it
 * reads the tables directly rather than adding counting queries to db/ for a benchmark's sake).
 */
export interface Backend {
  name: "SQLite" | "PostgreSQL";
  /** DATABASE_URL for the CLI and the instances. */
  url: string;
  /** Where the data is, for the report; never a password. */
  label: string;
  /** Instances to run: SQLite is one process's file; PostgreSQL is shared, so two show it scales out. */
  instances: number;
  countEvents(): Promise<number>;
  /** Sum of the hourly rollups' counts: equals the events count when every write kept them in step. */
  countRolledUp(): Promise<number>;
  /** Up to `limit` stored request ids, spread over the whole table, for lookups that find something. */
  sampleRequestIds(limit: number): Promise<string[]>;
  /** Removes what the run created (the PostgreSQL schema; the SQLite file goes with the temp folder). */
  dispose(): Promise<void>;
}

/**
 * PostgreSQL when the caller's DATABASE_URL names it; otherwise SQLite in `dir`. A `file:` URL in the
 * environment is ignored on purpose: the run writes hundreds of thousands of events, which must not
 * land in someone's working database.
 */
export async function openBackend(databaseUrl: string | undefined, dir: string): Promise<Backend> {
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) return postgresBackend(databaseUrl);
  return sqliteBackend(path.join(dir, "load.db"));
}
