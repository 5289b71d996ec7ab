import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startNextServer, type BenchServer } from "../bench/ingest-server";
import { onTestServer, postgresAnswers, testPostgresUrl } from "../lib/testing/postgres-test-server";
import { newOrgId, newRequestId, type SampleEvent } from "./fixtures/events";
import { bearer, createKeyWithCli } from "./fixtures/keys";
import { createUserWithPassword, E2E_PASSWORD, SIGNED_OUT } from "./fixtures/users";

/*
 * Two `next start` processes of the production build on one PostgreSQL, as behind a load balancer.
 * Each describe block gets its own schema (a fresh database as far as the app can tell) and its own
 * pair of instances. Skipped, with the reason in the report, where no PostgreSQL answers.
 */

const postgresUrl = testPostgresUrl();
// Playwright loads specs as CommonJS (no top-level await), so the check runs before the first group.
test.beforeAll(async () => {
  test.skip(!(await postgresAnswers(postgresUrl)), `PostgreSQL does not answer at ${new URL(postgresUrl).host}: the multi-instance tests need it`);
});
// Instances start one after the other (first start migrates); each takes a few seconds.
test.describe.configure({ mode: "serial", timeout: 120_000 });

interface Pair {
  databaseUrl: string;
  instances: [BenchServer, BenchServer];
  urls: [string, string];
  drop: () => Promise<void>;
}

async function startPair(env: Record<string, string> = {}): Promise<Pair> {
  const schema = `e2e_multi_${randomBytes(5).toString("hex")}`;
  await onTestServer((client) => client.query(`create schema ${schema}`));
  const databaseUrl = `${postgresUrl}${postgresUrl.includes("?") ? "&" : "?"}options=-c%20search_path%3D${schema}`;
  const serverEnv = { DATABASE_URL: databaseUrl, ...env };
  const first = await startNextServer(process.cwd(), "", serverEnv);
  const second = await startNextServer(process.cwd(), "", serverEnv).catch(async (error: unknown) => {
    await first.stop();
    throw error;
  });
  const instances: [BenchServer, BenchServer] = [first, second];
  return {
    databaseUrl,
    instances,
    urls: [`http://127.0.0.1:${first.port}`, `http://127.0.0.1:${second.port}`],
    drop: async () => {
      await Promise.all(instances.map((instance) => instance.stop()));
      await onTestServer((client) => client.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

function sampleEvent(orgId: string): SampleEvent {
  return {
    request_id: newRequestId(),
    org_id: orgId,
    http_status: 401,
    code: "api_key.revoked",
    message: "This API key has been revoked",
    details: { key_prefix: "sk_live_4f2a", revoked_at: "2026-11-20T09:12:44Z" },
    environment: "live",
  };
}

async function ingest(request: APIRequestContext, baseUrl: string, key: string, events: SampleEvent[]) {
  const response = await request.post(`${baseUrl}/api/v1/events`, { headers: bearer(key), data: { events } });
  return { status: response.status(), body: (await response.json()) as { accepted?: number; duplicates?: number; code?: string } };
}

test.describe("two instances on one PostgreSQL", () => {
  let pair: Pair;
  let key: string;

  test.beforeAll(async () => {
    pair = await startPair();
    key = createKeyWithCli("multi-instance", "ingest,read", pair.databaseUrl);
  });
  test.afterAll(async () => {
    await pair?.drop();
  });

  test("an event ingested through one is found through the other at once", async ({ request }) => {
    const event = sampleEvent(newOrgId());
    const stored = await ingest(request, pair.urls[0], key, [event]);
    expect(stored).toMatchObject({ status: 202, body: { accepted: 1, duplicates: 0 } });
    const found = await request.get(`${pair.urls[1]}/api/v1/events/${event.request_id}`, { headers: bearer(key) });
    expect(found.status()).toBe(200);
    expect(await found.json()).toMatchObject({ event: { request_id: event.request_id, code: "api_key.revoked", org_id: event.org_id } });
  });

  test("the same batch sent to both at the same moment is stored once", async ({ request }) => {
    const orgId = newOrgId();
    const batch = Array.from({ length: 300 }, () => sampleEvent(orgId));
    const [a, b] = await Promise.all([ingest(request, pair.urls[0], key, batch), ingest(request, pair.urls[1], key, batch)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    // Every id is accepted by exactly one of the two; the other counts it as a duplicate.
    expect((a.body.accepted ?? 0) + (b.body.accepted ?? 0)).toBe(batch.length);
    expect((a.body.duplicates ?? 0) + (b.body.duplicates ?? 0)).toBe(batch.length);
    // And the rollups agree: the organization's trend counts each event once, read through either.
    for (const url of pair.urls) {
      const trends = await request.get(`${url}/api/v1/orgs/${orgId}/trends?range=24h&bucket=hour`, { headers: bearer(key) });
      expect(trends.status()).toBe(200);
      const { totals } = (await trends.json()) as { totals: Record<string, number> };
      expect(totals["api_key.revoked"]).toBe(batch.length);
    }
  });

  test("a session started on one instance works on the other, and signing out on the other ends it", async ({ browser }) => {
    const email = `multi-${randomBytes(3).toString("hex")}@e2e.test`;
    createUserWithPassword(email, "agent", pair.databaseUrl);
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    const page = await context.newPage();
    await page.goto(`${pair.urls[0]}/sign-in`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    // Cookies are per host, not per port: the same browser is signed in on the second instance.
    await page.goto(`${pair.urls[1]}/codes`);
    await expect(page).toHaveURL(`${pair.urls[1]}/codes`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto(`${pair.urls[0]}/codes`);
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  });
});

for (const limiter of ["database", "redis"] as const) {
  test.describe(`ingest rate limits shared by two instances (${limiter})`, () => {
    let pair: Pair;
    let key: string;
    const BURST = 6;

    test.beforeAll(async () => {
      const env: Record<string, string> = { ERRATA_RATE_LIMIT_PER_SECOND: "0.01", ERRATA_RATE_LIMIT_BURST: String(BURST) };
      if (limiter === "redis") env.REDIS_URL = process.env.ERRATA_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
      pair = await startPair(env);
      key = createKeyWithCli(`limited-${limiter}`, "ingest", pair.databaseUrl);
    });
    test.afterAll(async () => {
      await pair?.drop();
    });

    test("hold across instances: the burst is one budget, not one per instance", async ({ request }) => {
      const orgId = newOrgId();
      const statuses: number[] = [];
      // Alternate instances; each alone would allow BURST requests.
      for (let n = 0; n < BURST * 2; n++) statuses.push((await ingest(request, pair.urls[n % 2]!, key, [sampleEvent(orgId)])).status);
      expect(statuses.filter((status) => status === 202)).toHaveLength(BURST);
      expect(statuses.filter((status) => status === 429)).toHaveLength(BURST);
    });
  });
}
