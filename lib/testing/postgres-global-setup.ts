import { onTestServer } from "./postgres-test-server";

/*
 * Vitest global setup of the PostgreSQL project: every test worker makes its own schema
 * (lib/testing/test-db.ts); they are dropped when the run ends, and any left by an interrupted
 * earlier run are dropped before it starts.
 */

async function dropTestSchemas(): Promise<void> {
  await onTestServer(async (client) => {
    const { rows } = await client.query<{ name: string }>("select nspname as name from pg_namespace where nspname like 'test\\_%'");
    for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`);
  });
}

export async function setup(): Promise<() => Promise<void>> {
  await dropTestSchemas();
  return dropTestSchemas;
}
