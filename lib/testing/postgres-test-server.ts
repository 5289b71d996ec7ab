import pg from "pg";

/** The PostgreSQL server the database tests also run on (this machine's: trust auth, database `test`). */
export const DEFAULT_TEST_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

export function testPostgresUrl(): string {
  return process.env.ERRATA_TEST_POSTGRES_URL ?? DEFAULT_TEST_POSTGRES_URL;
}

/** Whether a PostgreSQL server accepts a connection at `url` within a couple of seconds. */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs statements on the test server outside any app connection (creating and dropping schemas). */
export async function onTestServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
