import Database from "better-sqlite3";
import { sum } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/events/route";
import * as eventQueries from "@/db/queries/events";
import { processDrains } from "@/lib/shutdown/drain-registry";
import { BASE_URL, bearer, countRows, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { wireEvent } from "@/lib/testing/ingest-fixtures";
import { rawSqlite } from "@/lib/testing/raw-sqlite";
import { testBackend } from "@/lib/testing/test-db";

// Read by env() on first use in this process. Wide enough that concurrent requests always share a
// group: before the committer, each one authenticates against the database, which on PostgreSQL
// takes a network round trip and spreads their arrival over more than the 2 ms default.
vi.stubEnv("ERRATA_INGEST_COMMIT_WINDOW_MS", "50");
afterAll(() => vi.unstubAllEnvs());

// The real storage, observed: how many transactions ingest opened, and a way to make one fail.
vi.mock("@/db/queries/events", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/events")>();
  return { ...actual, storeSubmissions: vi.fn(actual.storeSubmissions) };
});
const storeSubmissions = vi.mocked(eventQueries.storeSubmissions);

const handler = setupHandlerTests();

/**
 * A running server's pool already holds connections; a fresh test database's would open them on the
 * requests' first queries (tens of milliseconds each on PostgreSQL), spreading their arrival.
 */
beforeEach(async () => {
  const { db, t } = handler;
  await Promise.all(Array.from({ length: 4 }, () => db.select({ id: t.apiKeys.id }).from(t.apiKeys).limit(1)));
});

afterEach(() => {
  storeSubmissions.mockClear();
});

function post(ids: string[]) {
  const body = JSON.stringify({ events: ids.map((id) => wireEvent({ request_id: id, message: "m".repeat(500) })) });
  const headers = { "content-type": "application/json", ...bearer(handler.keys.ingest) };
  return POST(new Request(`${BASE_URL}/api/v1/events`, { method: "POST", body, headers }), routeContext());
}

const storedEvents = () => countRows(handler, handler.t.events);

async function rolledUpEvents(): Promise<number> {
  const { db, t } = handler;
  const [row] = await db.select({ n: sum(t.hourlyRollups.count).mapWith(Number) }).from(t.hourlyRollups);
  return row?.n ?? 0;
}

describe("group commit through POST /api/v1/events", () => {
  it("stores concurrent requests in one transaction and answers each with its own counts", async () => {
    const responses = await Promise.all([post(["a1", "a2"]), post(["b1"]), post(["c1", "c2", "c3"])]);
    expect(responses.map((r) => r.status)).toEqual([202, 202, 202]);
    expect(await Promise.all(responses.map((r) => r.json()))).toEqual([
      { accepted: 2, duplicates: 0 },
      { accepted: 1, duplicates: 0 },
      { accepted: 3, duplicates: 0 },
    ]);
    expect(storeSubmissions).toHaveBeenCalledTimes(1);
    expect(await storedEvents()).toBe(6);
  });

  it("counts an id shared by concurrent requests once: stored by the first, a duplicate for the others", async () => {
    const batches = [["x", "y"], ["y", "z"], ["x", "z", "w"]];
    const responses = await Promise.all(batches.map(post));
    expect(storeSubmissions).toHaveBeenCalledTimes(1);
    // "First" is the order the requests joined the transaction in, which their (asynchronous)
    // authentication decides: an id is stored by the first submission of the group that has it.
    const group = storeSubmissions.mock.calls[0]?.[0] ?? [];
    const seen = new Set<string>();
    const answers = new Map<string, { accepted: number; duplicates: number }>();
    for (const { events } of group) {
      const ids = events.map((event) => event.requestId);
      answers.set(ids.join(), { accepted: ids.filter((id) => !seen.has(id)).length, duplicates: ids.filter((id) => seen.has(id)).length });
      for (const id of ids) seen.add(id);
    }
    expect(await Promise.all(responses.map((r) => r.json()))).toEqual(batches.map((ids) => answers.get(ids.join())));
    expect(await storedEvents()).toBe(4);
    expect(await rolledUpEvents()).toBe(4);
  });
});

describe("overload: every request of a failed group gets 503 with Retry-After, never 500 or a hang", () => {
  async function expectAllUnavailable(responses: Response[]) {
    for (const response of responses) {
      const body = await expectEnvelope(response, 503, "common.service_unavailable");
      expect(Number(response.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      expect(body.details.retry_after_seconds).toEqual(Number(response.headers.get("Retry-After")));
    }
  }

  // Lock contention and a full disk are provoked through SQLite's file and pragmas; on PostgreSQL
  // the same answer comes from the SQLSTATEs (lib/http/unexpected-error.test.ts).
  it.skipIf(testBackend() === "postgres")("when another writer holds the database beyond busy_timeout", async () => {
    rawSqlite(handler.db).pragma("busy_timeout = 50");
    const other = new Database(handler.file);
    try {
      other.prepare("BEGIN IMMEDIATE").run();
      await expectAllUnavailable(await Promise.all([post(["a"]), post(["b"]), post(["c"])]));
      expect(storeSubmissions).toHaveBeenCalledTimes(1);
      other.prepare("ROLLBACK").run();
    } finally {
      other.close();
    }
    expect(await storedEvents()).toBe(0);
    expect((await post(["a"])).status).toBe(202);
  });

  it.skipIf(testBackend() === "postgres")("when the disk is full (SQLITE_FULL), storing nothing of the group", async () => {
    const sqlite = rawSqlite(handler.db);
    const pages = sqlite.pragma("page_count", { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    const many = (tag: string) => Array.from({ length: 40 }, (_, n) => `${tag}_${n}`);
    await expectAllUnavailable(await Promise.all([post(many("a")), post(many("b"))]));
    expect(await storedEvents()).toBe(0);
    sqlite.pragma("max_page_count = 1073741823");
    expect((await post(many("a"))).status).toBe(202);
  });

  it("when the write fails with an I/O error", async () => {
    storeSubmissions.mockRejectedValueOnce(new Database.SqliteError("disk I/O error", "SQLITE_IOERR_WRITE"));
    await expectAllUnavailable(await Promise.all([post(["a"]), post(["b"])]));
    expect(await storedEvents()).toBe(0);
  });

  it("when PostgreSQL runs out of connections (SQLSTATE 53300)", async () => {
    storeSubmissions.mockRejectedValueOnce(Object.assign(new Error("sorry, too many clients already"), { code: "53300" }));
    await expectAllUnavailable(await Promise.all([post(["a"]), post(["b"])]));
    expect(await storedEvents()).toBe(0);
  });

  it("answers 500, not 503, when the failure is a bug rather than the storage", async () => {
    storeSubmissions.mockRejectedValueOnce(new TypeError("cannot read properties of undefined"));
    const responses = await Promise.all([post(["a"]), post(["b"])]);
    for (const response of responses) await expectEnvelope(response, 500, "common.internal");
  });
});

describe("shutdown", () => {
  // Last in the file: draining the process's registry leaves this test process shutting down.
  it("drains the process's committer with the rest: later submissions get 503 shutting_down with Retry-After, nothing stored", async () => {
    expect((await post(["before"])).status).toBe(202);
    expect(await processDrains.drain(5_000)).toMatchObject({ finished: true, failed: [] });

    const response = await post(["after"]);
    const body = await expectEnvelope(response, 503, "common.service_unavailable");
    expect(body.details).toMatchObject({ reason: "shutting_down" });
    expect(Number(response.headers.get("Retry-After"))).toBe(body.details.retry_after_seconds);
    expect(await storedEvents()).toBe(1);
  });
});
