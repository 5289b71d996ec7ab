import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/events/route";
import * as eventQueries from "@/db/queries/events";
import { BASE_URL, bearer, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { wireEvent } from "@/lib/testing/ingest-fixtures";
import { rawSqlite } from "@/lib/testing/raw-sqlite";

// The real storage, observed: how many transactions ingest opened, and a way to make one fail.
vi.mock("@/db/queries/events", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/events")>();
  return { ...actual, storeSubmissions: vi.fn(actual.storeSubmissions) };
});
const storeSubmissions = vi.mocked(eventQueries.storeSubmissions);

const handler = setupHandlerTests();

afterEach(() => {
  storeSubmissions.mockClear();
});

function post(ids: string[]) {
  const body = JSON.stringify({ events: ids.map((id) => wireEvent({ request_id: id, message: "m".repeat(500) })) });
  const headers = { "content-type": "application/json", ...bearer(handler.keys.ingest) };
  return POST(new Request(`${BASE_URL}/api/v1/events`, { method: "POST", body, headers }), routeContext());
}

function count(sql: string): number {
  return rawSqlite(handler.db).prepare(sql).pluck().get() as number;
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
    expect(count("select count(*) from events")).toBe(6);
  });

  it("counts an id shared by concurrent requests once: stored by the first, a duplicate for the others", async () => {
    const responses = await Promise.all([post(["x", "y"]), post(["y", "z"]), post(["x", "z", "w"])]);
    expect(await Promise.all(responses.map((r) => r.json()))).toEqual([
      { accepted: 2, duplicates: 0 },
      { accepted: 1, duplicates: 1 },
      { accepted: 1, duplicates: 2 },
    ]);
    expect(storeSubmissions).toHaveBeenCalledTimes(1);
    expect(count("select count(*) from events")).toBe(4);
    expect(count("select sum(count) from hourly_rollups")).toBe(4);
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

  it("when another writer holds the database beyond busy_timeout", async () => {
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
    expect(count("select count(*) from events")).toBe(0);
    expect((await post(["a"])).status).toBe(202);
  });

  it("when the disk is full (SQLITE_FULL), storing nothing of the group", async () => {
    const sqlite = rawSqlite(handler.db);
    const pages = sqlite.pragma("page_count", { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    const many = (tag: string) => Array.from({ length: 40 }, (_, n) => `${tag}_${n}`);
    await expectAllUnavailable(await Promise.all([post(many("a")), post(many("b"))]));
    expect(count("select count(*) from events")).toBe(0);
    sqlite.pragma("max_page_count = 1073741823");
    expect((await post(many("a"))).status).toBe(202);
  });

  it("when the write fails with an I/O error", async () => {
    storeSubmissions.mockImplementationOnce(() => {
      throw new Database.SqliteError("disk I/O error", "SQLITE_IOERR_WRITE");
    });
    await expectAllUnavailable(await Promise.all([post(["a"]), post(["b"])]));
    expect(count("select count(*) from events")).toBe(0);
  });

  it("answers 500, not 503, when the failure is a bug rather than the storage", async () => {
    storeSubmissions.mockImplementationOnce(() => {
      throw new TypeError("cannot read properties of undefined");
    });
    const responses = await Promise.all([post(["a"]), post(["b"])]);
    for (const response of responses) await expectEnvelope(response, 500, "common.internal");
  });
});
