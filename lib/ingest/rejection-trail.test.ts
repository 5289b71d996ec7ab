import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { executeStatement } from "@/db/raw";
import { createApiKey } from "@/db/queries/api-keys";
import { insertRejections, listRejections, type NewRejection } from "@/db/queries/rejected-ingests";
import { authenticateKey } from "@/lib/auth/authenticate";
import { ApiError } from "@/lib/http/api-error";
import { logger } from "@/lib/log";
import { setupFreshDatabasePerTest, useFreshDatabase } from "@/lib/testing/test-db";
import { rejectionsOfRequestId } from "./rejection-lookup";
import { attachSubmittedIds, discardPendingRejections, flushRejectionTrail, pruneRejectionTrail, recordIngestRefusal } from "./rejection-trail";

// Read by env() on first use in this file; the smallest cap the settings allow keeps the test fast.
const previousCap = process.env.ERRATA_TRAIL_MAX_SUBMISSIONS;
process.env.ERRATA_TRAIL_MAX_SUBMISSIONS = "100";

const database = setupFreshDatabasePerTest();
const NOW = Date.UTC(2026, 10, 26, 14, 2);
const DAY = 86_400_000;
/** Thousands of rows in one flush: a couple of seconds on PostgreSQL, more on a loaded machine. */
const SLOW_TEST_MS = 30_000;

beforeAll(() => {
  logger.level = "silent";
});
afterEach(() => discardPendingRejections());
afterAll(() => {
  if (previousCap === undefined) delete process.env.ERRATA_TRAIL_MAX_SUBMISSIONS;
  else process.env.ERRATA_TRAIL_MAX_SUBMISSIONS = previousCap;
});

function ingestRequest(authorization?: string): Request {
  return new Request("http://errata.test/api/v1/events", { method: "POST", headers: authorization ? { authorization } : {} });
}

const validationError = () =>
  new ApiError(422, "common.validation_failed", "1 field is invalid; nothing was stored.", { fields: [{ path: "events[1].code", message: "must not be empty" }] });
const tooManyRequests = () => new ApiError(429, "common.quota_exceeded", "Slow down.", {});
const unknownKey = () => new ApiError(401, "auth.key_invalid", "This API key is not known to Errata.", {});

async function stored(): Promise<NewRejection[]> {
  return (await listRejections({ since: 0 }, 5000)).map((row) => ({ ...row, requestIds: row.sampleRequestIds }));
}

describe("recording refusals", () => {
  it("writes a refusal with its key prefix and the ids the pipeline attached, at the next flush", async () => {
    const { secret } = await createApiKey({ name: "svc", scopes: ["ingest"] });
    const actor = await authenticateKey(`Bearer ${secret}`, "ingest");
    const error = validationError();
    attachSubmittedIds(error, ["req_ok_0", "req_bad_1"], 2);
    recordIngestRefusal(error, ingestRequest(`Bearer ${secret}`), { requestId: "req_errata_1", actor }, NOW);
    expect(await rejectionsOfRequestId("req_bad_1", { now: NOW })).toEqual([]);

    expect(await flushRejectionTrail(NOW)).toBe(1);
    const [found] = await rejectionsOfRequestId("req_bad_1", { now: NOW });
    expect(found?.rejection).toMatchObject({
      receivedAt: NOW,
      keyPrefix: actor.prefix,
      httpStatus: 422,
      code: "common.validation_failed",
      summary: "events[1].code: must not be empty",
      errataRequestId: "req_errata_1",
      eventCount: 2,
      requestIdCount: 2,
      repeats: 1,
    });
    expect(secret.startsWith(actor.prefix)).toBe(true);
    expect(JSON.stringify(await stored())).not.toContain(secret.slice(actor.prefix.length));
  });

  it("folds identical refusals without ids into one row that counts them", async () => {
    for (let n = 0; n < 50; n += 1) recordIngestRefusal(tooManyRequests(), ingestRequest("Bearer erk_AbCdEfGh1234567890abcdef"), { requestId: `req_${n}`, actor: null }, NOW);
    recordIngestRefusal(unknownKey(), ingestRequest("Bearer erk_AbCdEfGh1234567890abcdef"), { requestId: "req_other", actor: null }, NOW);
    expect(await flushRejectionTrail(NOW)).toBe(2);
    expect((await stored()).map((row) => [row.code, row.keyPrefix, row.repeats])).toEqual([
      ["auth.key_invalid", "erk_AbCdEfGh", 1],
      ["common.quota_exceeded", "erk_AbCdEfGh", 50],
    ]);
  });

  it("keeps few distinct prefixes of unauthenticated refusals per interval: anyone can send those", async () => {
    for (let n = 0; n < 30; n += 1) {
      recordIngestRefusal(unknownKey(), ingestRequest(`Bearer erk_${String(n).padStart(8, "0")}abcdefghijklmnop`), { requestId: `req_${n}`, actor: null }, NOW);
    }
    await flushRejectionTrail(NOW);
    const rows = await stored();
    expect(rows.filter((row) => row.keyPrefix !== null)).toHaveLength(20);
    expect(rows.find((row) => row.keyPrefix === null)?.repeats).toBe(10);
  });

  it("writes at most 10,000 request ids per interval, keeping every refusal", async () => {
    for (let n = 0; n < 120; n += 1) {
      const error = validationError();
      attachSubmittedIds(error, Array.from({ length: 100 }, (_, i) => `req_${n}_${i}`), 1000);
      recordIngestRefusal(error, ingestRequest(), { requestId: `req_errata_${n}`, actor: null }, NOW);
    }
    expect(await flushRejectionTrail(NOW)).toBe(120);
    const counts = (await listRejections({ since: 0 }, 200)).map((row) => row.requestIdCount);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(10_000);
    expect(counts.filter((n) => n === 0)).toHaveLength(20);
  }, SLOW_TEST_MS);

  it("holds at most 2,000 distinct refusals per interval and drops the rest", async () => {
    for (let n = 0; n < 2100; n += 1) {
      const error = validationError();
      attachSubmittedIds(error, [`req_${n}`], 1);
      recordIngestRefusal(error, ingestRequest(), { requestId: `req_errata_${n}`, actor: null }, NOW);
    }
    expect(await flushRejectionTrail(NOW)).toBe(2000);
  }, SLOW_TEST_MS);
});

describe("trail failures never reach the sender", () => {
  it("swallows a failed write", async () => {
    // Renamed, not dropped, and renamed back: a PostgreSQL test worker keeps its schema for the next test.
    await executeStatement(database.database, sql`alter table rejected_request_ids rename to rejected_request_ids_away`);
    try {
      const error = validationError();
      attachSubmittedIds(error, ["req_a"], 1);
      recordIngestRefusal(error, ingestRequest(), { requestId: "req_errata", actor: null }, NOW);
      expect(await flushRejectionTrail(NOW)).toBe(0);
    } finally {
      await executeStatement(database.database, sql`alter table rejected_request_ids_away rename to rejected_request_ids`);
    }
  });

  it("swallows a failure while noting", () => {
    const broken = { headers: { get: () => { throw new Error("no headers"); } } } as unknown as Request;
    expect(() => recordIngestRefusal(validationError(), broken, { requestId: "req_errata", actor: null }, NOW)).not.toThrow();
  });

  it("never writes a refusal into a database other than the one it happened against", async () => {
    recordIngestRefusal(validationError(), ingestRequest(), { requestId: "req_errata", actor: null }, NOW);
    const other = await useFreshDatabase();
    try {
      expect(await flushRejectionTrail(NOW)).toBe(0);
      expect(await listRejections({ since: 0 }, 10)).toEqual([]);
    } finally {
      await other.cleanup();
    }
  });
});

describe("pruning", () => {
  const old = (n: number, receivedAt: number): NewRejection => ({
    receivedAt,
    keyPrefix: null,
    httpStatus: 422,
    code: "common.validation_failed",
    summary: "x",
    errataRequestId: `req_${n}`,
    eventCount: 1,
    requestIds: [`req_sent_${n}`],
    repeats: 1,
  });

  it("keeps 7 days, and never shows older refusals even before they are pruned", async () => {
    await insertRejections([old(1, NOW - 7 * DAY - 1), old(2, NOW - 7 * DAY + 1)]);
    expect(await rejectionsOfRequestId("req_sent_1", { now: NOW })).toEqual([]);
    expect(await pruneRejectionTrail(NOW)).toBe(1);
    expect((await stored()).map((row) => row.errataRequestId)).toEqual(["req_2"]);
    expect(await rejectionsOfRequestId("req_sent_2", { now: NOW })).toHaveLength(1);
  });

  it("keeps at most the configured number of submissions, dropping the oldest, in batches", async () => {
    await insertRejections(Array.from({ length: 450 }, (_, n) => old(n, NOW - 1000 + n)));
    expect(await pruneRejectionTrail(NOW)).toBe(350);
    const left = (await stored()).map((row) => row.errataRequestId);
    expect(left).toHaveLength(100);
    expect(left.at(-1)).toBe("req_350");
  });

  it("prunes in the background after a flush, off the request", async () => {
    // Earlier tests' prunes continue on later turns of the event loop (and end on their closed databases).
    await new Promise((resolve) => setImmediate(resolve));
    await insertRejections([old(1, NOW - 30 * DAY)]);
    // A minute after the earlier tests' flushes, so this flush is due to start a prune.
    const later = NOW + 61_000;
    recordIngestRefusal(validationError(), ingestRequest(), { requestId: "req_new", actor: null }, later);
    expect(await flushRejectionTrail(later)).toBe(1);
    await vi.waitFor(async () => expect((await stored()).map((row) => row.errataRequestId)).toEqual(["req_new"]));
  });
});
