import pg from "pg";
import type { Backend } from "./backend";

/**
 * A fresh schema in the caller's PostgreSQL database, so the run neither reads nor disturbs other
 * data there, dropped at the end. Every connection (the CLI's, the instances', ours) is pointed at it
 * through the URL's `options=-c search_path=…`, which node-postgres sends as a startup parameter
 * (checked with pg 8.23: `show search_path` answers the schema). The app migrates per schema (its
 * bookkeeping table follows `current_schema()`), so the schema starts empty and gets every table.
 */
export async function postgresBackend(callerUrl: string): Promise<Backend> {
  const url = new URL(callerUrl);
  if (url.searchParams.has("options")) {
    throw new Error("DATABASE_URL already carries `options`; bench:load sets `options=-c search_path=…` itself. Remove it and run again.");
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const schema = `bench_load_${stamp}_${process.pid}`;
  const admin = new pg.Client({ connectionString: callerUrl });
  await admin.connect();
  let version = "";
  try {
    await admin.query(`create schema ${schema}`);
    version = String((await admin.query("show server_version")).rows[0]?.server_version ?? "");
  } finally {
    await admin.end();
  }
  // `%20` rather than URLSearchParams' `+`: pg-connection-string decodes with decodeURIComponent.
  const scoped = `${callerUrl}${callerUrl.includes("?") ? "&" : "?"}options=-c%20search_path%3D${schema}`;
  const shown = new URL(callerUrl);
  if (shown.password) shown.password = "***";

  const read = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: scoped });
    await client.connect();
    try {
      return (await client.query({ text: sql, values: params, rowMode: "array" })).rows.map((row: unknown[]) => row[0] as T);
    } finally {
      await client.end();
    }
  };
  return {
    name: "PostgreSQL",
    url: scoped,
    label: `server ${version} at ${shown.host}${shown.pathname}, schema ${schema}`,
    instances: 2,
    countEvents: async () => Number((await read<string>("select count(*) from events"))[0] ?? 0),
    countRolledUp: async () => Number((await read<string>("select coalesce(sum(count), 0) from hourly_rollups"))[0] ?? 0),
    sampleRequestIds: (limit) => read<string>("select request_id from events order by random() limit $1", [limit]),
    dispose: async () => {
      const client = new pg.Client({ connectionString: callerUrl });
      await client.connect();
      try {
        await client.query(`drop schema ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
