import Database from "better-sqlite3";
import type { Backend } from "./backend";

/**
 * A new SQLite file, created and migrated by the CLI's first command. Each read opens the file
 * read-only and closes it again, so the benchmark holds no connection while the server writes.
 */
export function sqliteBackend(file: string): Backend {
  const read = <T>(sql: string, ...params: unknown[]): T => {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return sqlite.prepare(sql).pluck().all(...params) as T;
    } finally {
      sqlite.close();
    }
  };
  return {
    name: "SQLite",
    url: `file:${file}`,
    label: file,
    instances: 1,
    countEvents: async () => read<number[]>("select count(*) from events")[0] ?? 0,
    countRolledUp: async () => read<number[]>("select coalesce(sum(count), 0) from hourly_rollups")[0] ?? 0,
    sampleRequestIds: async (limit) => read<string[]>("select request_id from events order by random() limit ?", limit),
    dispose: async () => {},
  };
}
