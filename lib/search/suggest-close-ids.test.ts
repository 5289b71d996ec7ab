import { describe, expect, it } from "vitest";
import { storeEvents } from "@/db/queries/events";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { queryPlans } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import { suggestCloseIds } from "./suggest-close-ids";

const STORED = "req_8a3f2b9c1d4e5f60718293a4";
const database = setupFreshDatabasePerTest();

async function store(...ids: string[]) {
  await storeEvents(
    ids.map((requestId) => storedEventInput({ requestId })),
    Date.UTC(2026, 10, 26),
  );
}

function suggested(value: string, truncated = false) {
  return suggestCloseIds({ value, truncated });
}

describe("suggestCloseIds — one character off", () => {
  it.each([
    ["a character replaced", "req_8a3f2b9c1d4e5f60718293b4"],
    ["a character missing", "req_8a3f2b9c1d4e5f6071893a4"],
    ["a character extra", "req_8a3f2b9c1d4e5f607182893a4"],
    ["a character replaced near the start", "req_9a3f2b9c1d4e5f60718293a4"],
    ["two neighbours swapped", "req_8a3f2b9c1d4e5f60781293a4"],
    ["a letter O typed for a zero", "req_8a3f2b9c1d4e5f6O718293a4"],
  ])("finds the stored id when the quote has %s", async (_label, quoted) => {
    await store(STORED, "req_ffff0000ffff0000ffff0000");
    expect(await suggested(quoted)).toEqual([{ requestId: STORED, reason: "one_character" }]);
  });

  it("finds it from a truncated quote with a mistake in it", async () => {
    await store(STORED);
    expect(await suggested("req_8a3f2b9c1e4e", true)).toEqual([{ requestId: STORED, reason: "one_character" }]);
  });

  it("suggests nothing two characters off, nor for a short quote", async () => {
    await store(STORED);
    expect(await suggested("req_8a3f2b9c1d4e5f60718293bb")).toEqual([]);
    expect(await suggested("req_8a3f2b", true)).toEqual([]);
  });

  it("offers at most five, so a loose quote does not list half the store", async () => {
    await store(...Array.from({ length: 8 }, (_, n) => `req_8a3f2b9c1d4e5f6071829${n}a4`));
    expect(await suggested("req_8a3f2b9c1d4e5f6071829xa4")).toHaveLength(5);
  });
});

describe("suggestCloseIds — another prefix", () => {
  it.each([
    ["without req_", "8a3f2b9c1d4e5f60718293a4"],
    ["with request_", "request_8a3f2b9c1d4e5f60718293a4"],
    ["with rq-", "rq-8a3f2b9c1d4e5f60718293a4"],
    ["in capitals", "req_8A3F2B9C1D4E5F60718293A4"],
    ["with REQ: in capitals", "REQ:8A3F2B9C1D4E5F60718293A4"],
  ])("finds the stored id quoted %s", async (_label, quoted) => {
    await store(STORED);
    expect(await suggested(quoted)).toEqual([{ requestId: STORED, reason: "different_prefix" }]);
  });

  it("finds an id stored without a prefix from a quote with req_", async () => {
    await store("8a3f2b9c1d4e5f60718293a4");
    expect(await suggested(STORED)).toEqual([{ requestId: "8a3f2b9c1d4e5f60718293a4", reason: "different_prefix" }]);
  });

  it("finds it from a truncated quote", async () => {
    await store(STORED);
    expect(await suggested("request_8a3f2b9c1d", true)).toEqual([{ requestId: STORED, reason: "different_prefix" }]);
  });
});

// SQLite's plans (EXPLAIN QUERY PLAN); PostgreSQL plans by its own statistics, checked by bench/.
describe.skipIf(testBackend() === "postgres")("suggestCloseIds — cost", () => {
  // One case per test: the probes are prepared once per database, so their plans are read on first use.
  it.each([
    ["a full id", "req_8a3f2b9c1d4e5f60718293b4", false],
    ["a truncated id", "req_8a3f2b9c1x", true],
    ["another prefix", "request_8a3f2b9c1d4e5f60718293a4", false],
    ["an id outside hex", "req_order:42-Zulu-kilo", false],
  ] as const)("only seeks the unique index for %s, never scans events", async (_label, quoted, truncated) => {
    await store("req_ffff0000ffff0000ffff0000");
    const plans = await queryPlans(database.db, () => suggested(quoted, truncated));
    expect(plans.length).toBeGreaterThan(0);
    for (const { plan } of plans) {
      expect(plan).toMatch(/^SEARCH events USING COVERING INDEX events_request_id_unique \(request_id[=>]/);
      expect(plan).not.toMatch(/SCAN/);
    }
  });
});
