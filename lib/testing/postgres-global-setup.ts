import { onTestServer } from "./postgres-test-server";

/*
 * Vitest global setup of the PostgreSQL project. Every test worker makes its own schema,
 * test_<pid>_<random> (lib/testing/test-db.ts); the schemas of workers that have exited are dropped
 * when the run ends, and any left by an interrupted earlier run before it starts. A schema whose
 * process still runs belongs to another run going on at the same time and is left alone.
 */

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function dropLeftoverTestSchemas(): Promise<void> {
  await onTestServer(async (client) => {
    const { rows } = await client.query<{ name: string }>("select nspname as name from pg_namespace where nspname ~ '^test_[0-9]+_'");
    for (const { name } of rows) {
      const pid = Number(name.split("_")[1]);
      if (!processIsAlive(pid)) await client.query(`drop schema if exists "${name}" cascade`);
    }
  });
}

export async function setup(): Promise<() => Promise<void>> {
  await dropLeftoverTestSchemas();
  return dropLeftoverTestSchemas;
}
