import path from "node:path";
import Database from "better-sqlite3";
import { sqliteConnection } from "@/db/client";
import { fill, readReusableMeta, storedEvents, type FillMeta } from "../fill";
import type { GenerateOptions } from "../generate";
import { databaseFacts } from "../report";
import type { FilledBackend } from "./backend";

/** The SQLite side: a file beside bench:trends' (gitignored), filled by the same bench/lib/fill.ts. */
export function sqliteFile(events: number): string {
  return path.join("bench", ".data", `backends-${events}.db`);
}

function readOnly<T>(file: string, read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

/**
 * The fill recorded beside `file`, if it matches these options and the current migrations and the
 * file still holds every event it was filled with (a run that stopped mid-ingest leaves more).
 */
export function reusableSqlite(file: string, options: Omit<GenerateOptions, "now">): FillMeta | undefined {
  const meta = readReusableMeta(file, options);
  if (!meta) return undefined;
  const count = readOnly(file, (sqlite) => sqlite.prepare("select count(*) from events").pluck().get() as number);
  return count === storedEvents(meta) ? meta : undefined;
}

/** Index sizes of `events` (dbstat's aggregate mode reads each index's pages once). */
function indexSizes(sqlite: Database.Database): string {
  const names = sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'events' order by name").pluck().all() as string[];
  const size = sqlite.prepare("select pgsize from dbstat where name = ? and aggregate = 1").pluck();
  const mib = (name: string) => `${((size.get(name) as number) / 1024 ** 2).toFixed(0)} MiB`;
  return `events: table ${mib("events")}; indexes ${names.map((name) => `${name} ${mib(name)}`).join(", ")}`;
}

export function sqliteBackend(file: string, options: GenerateOptions, reused: FillMeta | undefined, log: (line: string) => void): FilledBackend {
  const meta = reused ?? fill(file, options, log);
  return {
    name: "SQLite",
    url: `file:${file}`,
    meta,
    reused: reused !== undefined,
    facts: async () => {
      // Per-connection pragmas: read from the app's own connection, which the run points at this file.
      const app = await sqliteConnection();
      const settings = ["journal_mode", "synchronous", "cache_size"].map((pragma) => `${pragma}=${String(app.pragma(pragma, { simple: true }))}`);
      return readOnly(file, (sqlite) => [...databaseFacts(sqlite, file), `settings (the app's connection): ${settings.join(", ")}`, indexSizes(sqlite)]);
    },
    dispose: async () => {},
  };
}
