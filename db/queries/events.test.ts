import { asc, count } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { queryPlans as explainQueryPlans } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import {
  findEventByRequestId,
  findEventsByRequestIdPrefix,
  listEvents,
  oldestEventOccurredAt,
  storedRequestIds,
  storedRequestIdsWithPrefixes,
  storeEvents,
  type EventCursor,
  type EventFilter,
  type StoredEvent,
} from "./events";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 26, 10); // 10:00 UTC, the start of an hour
const RECEIVED = Date.UTC(2026, 10, 26, 15);

const database = setupFreshDatabasePerTest();

function rollups() {
  const { db, t } = database;
  const r = t.hourlyRollups;
  return db.select().from(r).orderBy(asc(r.orgId), asc(r.code), asc(r.hour), asc(r.httpStatus));
}

async function eventCount(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(database.t.events);
  return row?.n ?? 0;
}

function ids(events: readonly StoredEvent[]): string[] {
  return events.map((event) => event.requestId);
}

function queryPlans(work: () => unknown): Promise<{ sql: string; plan: string }[]> {
  return explainQueryPlans(database.db, work);
}

describe("storeEvents", () => {
  it("stores new events with the time received and counts them", async () => {
    const result = await storeEvents([storedEventInput({ requestId: "req_a" }), storedEventInput({ requestId: "req_b", occurredAt: null })], RECEIVED);
    expect(result).toEqual({ accepted: 2, duplicates: 0 });

    const stored = await findEventByRequestId("req_b");
    expect(stored).toMatchObject({
      requestId: "req_b",
      orgId: "org_acme",
      code: "api_key.scope_denied",
      httpStatus: 403,
      details: { required: "registration:write" },
      occurredAt: RECEIVED, // no occurred_at: the time received
      receivedAt: RECEIVED,
      environment: "live",
      catalogFlag: null,
    });
    expect((await findEventByRequestId("req_a"))?.occurredAt).toBe(storedEventInput().occurredAt);
  });

  it("keeps null details and the catalog flag as given", async () => {
    await storeEvents([storedEventInput({ requestId: "req_n", details: null, catalogFlag: "unknown_code" })], RECEIVED);
    expect(await findEventByRequestId("req_n")).toMatchObject({ details: null, catalogFlag: "unknown_code" });
  });

  it("stores an id repeated inside one batch once", async () => {
    const result = await storeEvents(
      [storedEventInput({ requestId: "req_a" }), storedEventInput({ requestId: "req_a", code: "common.internal" }), storedEventInput({ requestId: "req_b" })],
      RECEIVED,
    );
    expect(result).toEqual({ accepted: 2, duplicates: 1 });
    expect(await eventCount()).toBe(2);
    expect((await findEventByRequestId("req_a"))?.code).toBe("api_key.scope_denied");
  });

  it("counts a re-sent id as a duplicate and leaves the stored event unchanged", async () => {
    await storeEvents([storedEventInput({ requestId: "req_a" })], RECEIVED);
    const before = await findEventByRequestId("req_a");

    const result = await storeEvents(
      [
        storedEventInput({
          requestId: "req_a",
          orgId: "org_other",
          code: "common.internal",
          httpStatus: 500,
          message: "changed",
          details: { changed: true },
          occurredAt: T0 + 5 * HOUR,
          environment: "test",
          catalogFlag: "unknown_code",
        }),
        storedEventInput({ requestId: "req_new" }),
      ],
      RECEIVED + HOUR,
    );
    expect(result).toEqual({ accepted: 1, duplicates: 1 });
    expect(await findEventByRequestId("req_a")).toEqual(before);
  });

  it("stores large batches with ids repeated far apart", async () => {
    const batch = Array.from({ length: 1200 }, (_, n) => storedEventInput({ requestId: `req_${String(n).padStart(5, "0")}` }));
    batch[700] = storedEventInput({ requestId: "req_00003" }); // repeats an id from the first statement
    batch[1199] = storedEventInput({ requestId: "req_00700" }); // repeats an id overwritten above: new
    expect(await storeEvents(batch, RECEIVED)).toEqual({ accepted: 1199, duplicates: 1 });
    expect(await eventCount()).toBe(1199);
  });

  it("counts hourly rollups per organization, code, HTTP status and UTC hour exactly", async () => {
    await storeEvents(
      [
        storedEventInput({ requestId: "r1", occurredAt: T0 }),
        storedEventInput({ requestId: "r2", occurredAt: T0 + HOUR - 1 }),
        storedEventInput({ requestId: "r3", occurredAt: T0 + HOUR }),
        storedEventInput({ requestId: "r4", occurredAt: T0 + 30 * 60_000, code: "common.internal", httpStatus: 500 }),
        storedEventInput({ requestId: "r6", occurredAt: T0 + 40 * 60_000, code: "common.internal", httpStatus: 503 }),
        storedEventInput({ requestId: "r5", occurredAt: T0 + 1, orgId: "org_beta" }),
        storedEventInput({ requestId: "r1", occurredAt: T0 + 3 * HOUR }), // duplicate in the batch
      ],
      RECEIVED,
    );
    expect(await rollups()).toEqual([
      { orgId: "org_acme", code: "api_key.scope_denied", httpStatus: 403, hour: T0, count: 2 },
      { orgId: "org_acme", code: "api_key.scope_denied", httpStatus: 403, hour: T0 + HOUR, count: 1 },
      { orgId: "org_acme", code: "common.internal", httpStatus: 500, hour: T0, count: 1 },
      { orgId: "org_acme", code: "common.internal", httpStatus: 503, hour: T0, count: 1 },
      { orgId: "org_beta", code: "api_key.scope_denied", httpStatus: 403, hour: T0, count: 1 },
    ]);
  });

  it("adds later batches to existing rollups and never counts duplicates", async () => {
    await storeEvents([storedEventInput({ requestId: "r1", occurredAt: T0 }), storedEventInput({ requestId: "r2", occurredAt: T0 + 10 })], RECEIVED);
    await storeEvents(
      [
        storedEventInput({ requestId: "r3", occurredAt: T0 + 20 }),
        storedEventInput({ requestId: "r1", occurredAt: T0 }), // sent again
        storedEventInput({ requestId: "r2", occurredAt: T0 + 2 * HOUR, code: "common.internal" }), // again, changed
      ],
      RECEIVED + 1,
    );
    expect(await rollups()).toEqual([{ orgId: "org_acme", code: "api_key.scope_denied", httpStatus: 403, hour: T0, count: 3 }]);
  });

  it("buckets events without occurred_at in the hour they were received", async () => {
    await storeEvents([storedEventInput({ requestId: "r1", occurredAt: null })], RECEIVED + 59 * 60_000);
    expect(await rollups()).toEqual([{ orgId: "org_acme", code: "api_key.scope_denied", httpStatus: 403, hour: RECEIVED, count: 1 }]);
  });

  it("creates organizations on first sight and keeps their first-seen time", async () => {
    await storeEvents([storedEventInput({ requestId: "r1" }), storedEventInput({ requestId: "r2", orgId: "org_beta" })], RECEIVED);
    await storeEvents([storedEventInput({ requestId: "r3" }), storedEventInput({ requestId: "r4", orgId: "org_gamma" })], RECEIVED + HOUR);
    const { organizations } = database.t;
    const orgs = await database.db.select().from(organizations).orderBy(asc(organizations.id));
    expect(orgs).toEqual([
      { id: "org_acme", name: null, firstSeenAt: RECEIVED },
      { id: "org_beta", name: null, firstSeenAt: RECEIVED },
      { id: "org_gamma", name: null, firstSeenAt: RECEIVED + HOUR },
    ]);
  });

  it("writes nothing at all when the transaction fails part-way", async () => {
    await storeEvents([storedEventInput({ requestId: "r1" })], RECEIVED);
    // NOT NULL on org_id fails inside the insert; earlier rows of the batch must not survive.
    const broken = storedEventInput({ requestId: "r3", orgId: null as unknown as string });
    await expect(storeEvents([storedEventInput({ requestId: "r2" }), broken], RECEIVED)).rejects.toThrow();
    expect(await eventCount()).toBe(1);
    expect(await rollups()).toEqual([{ orgId: "org_acme", code: "api_key.scope_denied", httpStatus: 403, hour: Date.UTC(2026, 10, 26, 14), count: 1 }]);
  });
});

describe("request id lookups", () => {
  beforeEach(async () => {
    await storeEvents(
      ["req_8a3f0002", "req_8a3f0001", "req_8a3e9999", "req_8a3", "req_8a3g", "req_8a3_x", "REQ_8A3F0003", "req_8a3f%"].map((requestId) =>
        storedEventInput({ requestId }),
      ),
      RECEIVED,
    );
  });

  it("finds one event by its exact id", async () => {
    expect((await findEventByRequestId("req_8a3f0001"))?.requestId).toBe("req_8a3f0001");
    expect(await findEventByRequestId("req_8a3f")).toBeUndefined();
    expect(await findEventByRequestId("REQ_8A3F0001")).toBeUndefined();
  });

  it("finds ids starting with a prefix, in id order, and nothing that merely sorts nearby", async () => {
    expect(ids(await findEventsByRequestIdPrefix("req_8a3f", 10))).toEqual(["req_8a3f%", "req_8a3f0001", "req_8a3f0002"]);
    expect(ids(await findEventsByRequestIdPrefix("req_8a3f0", 10))).toEqual(["req_8a3f0001", "req_8a3f0002"]);
    expect(ids(await findEventsByRequestIdPrefix("req_8a3e", 10))).toEqual(["req_8a3e9999"]);
  });

  it("includes an id equal to the prefix itself", async () => {
    expect(ids(await findEventsByRequestIdPrefix("req_8a3f0001", 10))).toEqual(["req_8a3f0001"]);
  });

  it("honours the limit", async () => {
    expect(ids(await findEventsByRequestIdPrefix("req_8a3", 2))).toEqual(["req_8a3", "req_8a3_x"]);
    expect(await findEventsByRequestIdPrefix("req_8a3", 100)).toHaveLength(7);
  });

  it("is case-sensitive", async () => {
    expect(ids(await findEventsByRequestIdPrefix("REQ_8A3F", 10))).toEqual(["REQ_8A3F0003"]);
  });

  it("treats LIKE wildcards in the input literally", async () => {
    expect(ids(await findEventsByRequestIdPrefix("req_8a3_", 10))).toEqual(["req_8a3_x"]);
    expect(ids(await findEventsByRequestIdPrefix("req_%", 10))).toEqual([]);
    expect(ids(await findEventsByRequestIdPrefix("req_8a3f%", 10))).toEqual(["req_8a3f%"]);
  });

  it("returns nothing for an unknown prefix", async () => {
    expect(await findEventsByRequestIdPrefix("req_zzz", 10)).toEqual([]);
  });
});

describe("listEvents", () => {
  beforeEach(async () => {
    await storeEvents(
      [
        storedEventInput({ requestId: "e1", occurredAt: T0, message: "Audio is 70 MiB, limit 50 MiB", code: "registration.audio_too_large", httpStatus: 413 }),
        storedEventInput({ requestId: "e2", occurredAt: T0 + 1000, orgId: "org_beta" }),
        storedEventInput({ requestId: "e3", occurredAt: T0 + 2000, message: "Quota at 100% of plan", code: "common.quota_exceeded", httpStatus: 429 }),
        storedEventInput({ requestId: "e4", occurredAt: T0 + 3000, message: "axb after 1000 tries", code: "common.internal", httpStatus: 500, service: "uploads" }),
        storedEventInput({ requestId: "e5", occurredAt: T0 + HOUR, message: "a_b" }),
      ],
      RECEIVED,
    );
  });

  const cases: [string, EventFilter, string[]][] = [
    ["no filter, newest first", {}, ["e5", "e4", "e3", "e2", "e1"]],
    ["organization", { orgId: "org_beta" }, ["e2"]],
    ["code", { code: "common.internal" }, ["e4"]],
    ["status", { httpStatus: 413 }, ["e1"]],
    ["service", { service: "uploads" }, ["e4"]],
    ["from (inclusive)", { from: T0 + 2000 }, ["e5", "e4", "e3"]],
    ["to (exclusive)", { to: T0 + 2000 }, ["e2", "e1"]],
    ["from and to", { from: T0 + 1000, to: T0 + 3001 }, ["e4", "e3", "e2"]],
    ["text in the message, any case", { text: "audio IS 70" }, ["e1"]],
    ["text in the code", { text: "quota_exc" }, ["e3"]],
    ["text with % taken literally", { text: "100%" }, ["e3"]],
    ["text with _ taken literally", { text: "a_b" }, ["e5"]],
    ["request id prefix", { requestIdPrefix: "e" }, ["e5", "e4", "e3", "e2", "e1"]],
    ["combined filters", { orgId: "org_acme", httpStatus: 403, from: T0 }, ["e5"]],
    ["nothing matching", { orgId: "org_nobody" }, []],
  ];

  it.each(cases)("filters by %s", async (_label, filter, expected) => {
    const page = await listEvents(filter, 50);
    expect(ids(page.events)).toEqual(expected);
    expect(page.nextCursor).toBeNull();
  });

  it("pages newest first with a cursor, breaking ties on occurred_at by id", async () => {
    const tied = Array.from({ length: 5 }, (_, n) => storedEventInput({ requestId: `tie${n}`, occurredAt: T0 + 500 }));
    await storeEvents(tied, RECEIVED);

    const seen: string[] = [];
    let cursor: EventCursor | undefined;
    let pages = 0;
    do {
      const page = await listEvents({}, 3, cursor);
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...ids(page.events));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);

    // Ties come out in insertion order reversed (higher id first); nothing is skipped or repeated.
    expect(seen).toEqual(["e5", "e4", "e3", "e2", "tie4", "tie3", "tie2", "tie1", "tie0", "e1"]);
    expect(pages).toBe(4);
  });

  it("splits a page in the middle of tied events without losing any", async () => {
    await storeEvents(Array.from({ length: 4 }, (_, n) => storedEventInput({ requestId: `tie${n}`, occurredAt: T0 + 500 })), RECEIVED);
    const first = await listEvents({ from: T0 + 500, to: T0 + 501 }, 2);
    expect(ids(first.events)).toEqual(["tie3", "tie2"]);
    expect(first.nextCursor).toEqual({ occurredAt: T0 + 500, id: expect.any(Number) });
    const second = await listEvents({ from: T0 + 500, to: T0 + 501 }, 2, first.nextCursor ?? undefined);
    expect(ids(second.events)).toEqual(["tie1", "tie0"]);
    expect(second.nextCursor).toBeNull();
  });

  it("gives no cursor when the last page is exactly full", async () => {
    const page = await listEvents({}, 5);
    expect(page.events).toHaveLength(5);
    expect(page.nextCursor).toBeNull();
  });

  it("applies filters on every page", async () => {
    const first = await listEvents({ orgId: "org_acme" }, 2);
    expect(ids(first.events)).toEqual(["e5", "e4"]);
    const second = await listEvents({ orgId: "org_acme" }, 2, first.nextCursor ?? undefined);
    expect(ids(second.events)).toEqual(["e3", "e1"]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("one stored event", () => {
  beforeEach(async () => {
    await storeEvents([storedEventInput({ requestId: "req_8a3f0001" })], RECEIVED);
  });

  it("applies a filter to an id prefix", async () => {
    await storeEvents([storedEventInput({ requestId: "req_8a3f0002", orgId: "org_beta" })], RECEIVED);
    expect(ids(await findEventsByRequestIdPrefix("req_8a3f", 10, { orgId: "org_beta" }))).toEqual(["req_8a3f0002"]);
    expect(ids(await findEventsByRequestIdPrefix("req_8a3f", 10, {}))).toEqual(["req_8a3f0001", "req_8a3f0002"]);
    expect(await findEventByRequestId("req_8a3f0002", { orgId: "org_acme" })).toBeUndefined();
    expect((await findEventByRequestId("req_8a3f0002", { orgId: "org_beta" }))?.requestId).toBe("req_8a3f0002");
  });

  it("knows the oldest event's time", async () => {
    expect(await oldestEventOccurredAt()).toBe(storedEventInput().occurredAt);
  });
});

it("knows no oldest event in an empty store", async () => {
  expect(await oldestEventOccurredAt()).toBeNull();
});

// SQLite's plans (EXPLAIN QUERY PLAN); PostgreSQL plans by its own statistics, checked by bench/.
describe.skipIf(testBackend() === "postgres")("indexes used (SQLite)", () => {
  beforeEach(async () => {
    await storeEvents([storedEventInput({ requestId: "req_8a3f0001" })], RECEIVED);
  });

  async function onlyPlan(work: () => unknown): Promise<string> {
    const plans = (await queryPlans(work)).filter(({ sql }) => /from "events"/i.test(sql));
    expect(plans).toHaveLength(1);
    return plans[0]!.plan;
  }

  it("looks up one request id through events_request_id_unique", async () => {
    const plan = await onlyPlan(() => findEventByRequestId("req_8a3f0001"));
    expect(plan).toMatch(/SEARCH events USING INDEX events_request_id_unique \(request_id=\?\)/);
  });

  it("looks up one request id through events_request_id_unique under filters too", async () => {
    const plan = await onlyPlan(() => findEventByRequestId("req_8a3f0001", { orgId: "org_acme", code: "common.internal", from: T0 }));
    expect(plan).toMatch(/SEARCH events USING INDEX events_request_id_unique \(request_id=\?\)/);
  });

  it("reads a request id prefix as a range of events_request_id_unique", async () => {
    const plan = await onlyPlan(() => findEventsByRequestIdPrefix("req_8a3f", 10));
    expect(plan).toMatch(/SEARCH events USING INDEX events_request_id_unique \(request_id>\? AND request_id<\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("filters an organization over a time range through events_org_occurred_idx", async () => {
    const plan = await onlyPlan(() => listEvents({ orgId: "org_acme", from: T0, to: T0 + HOUR }, 50));
    expect(plan).toMatch(/SEARCH events USING INDEX events_org_occurred_idx \(org_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
  });

  it("pages an organization's newest events through events_org_occurred_idx", async () => {
    const plan = await onlyPlan(() => listEvents({ orgId: "org_acme" }, 50, { occurredAt: T0, id: 10 }));
    expect(plan).toMatch(/USING INDEX events_org_occurred_idx \(org_id=\?/);
  });

  it("filters a code over a time range through events_code_occurred_idx", async () => {
    const plan = await onlyPlan(() => listEvents({ code: "common.internal", from: T0 }, 50));
    expect(plan).toMatch(/SEARCH events USING INDEX events_code_occurred_idx \(code=\? AND occurred_at>\?\)/);
  });

  // Service and status have no index of their own: they are checked on the rows a time range (or an
  // organization or code) selects, newest first, so a page stops as soon as it is full.
  it("filters a service within a time range through events_occurred_idx, without sorting", async () => {
    const plan = await onlyPlan(() => listEvents({ service: "uploads", from: T0, to: T0 + HOUR }, 50));
    expect(plan).toMatch(/SEARCH events USING INDEX events_occurred_idx \(occurred_at>\? AND occurred_at<\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("filters a service of one organization through events_org_occurred_idx", async () => {
    const plan = await onlyPlan(() => listEvents({ orgId: "org_acme", service: "uploads", httpStatus: 500 }, 50));
    expect(plan).toMatch(/SEARCH events USING INDEX events_org_occurred_idx \(org_id=\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("checks filters on an id prefix's range of events_request_id_unique only, never an organization's whole index", async () => {
    const plan = await onlyPlan(() => findEventsByRequestIdPrefix("req_8a3f", 10, { orgId: "org_acme", from: T0 }));
    expect(plan).toMatch(/CO-ROUTINE in_range\nSEARCH events USING COVERING INDEX events_request_id_unique \(request_id>\? AND request_id<\?\)/);
    expect(plan).toMatch(/SCAN in_range\nSEARCH events USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(plan).not.toMatch(/events_org_occurred_idx/);
  });

  it("finds the oldest event's time with one seek into events_occurred_idx", async () => {
    const plan = await onlyPlan(() => oldestEventOccurredAt());
    expect(plan).toMatch(/SEARCH events USING COVERING INDEX events_occurred_idx/);
  });
});

describe("id probes for suggestions", () => {
  beforeEach(async () => {
    await storeEvents(["req_aa01", "req_aa02", "req_ab01", "req_b"].map((requestId) => storedEventInput({ requestId })), RECEIVED);
  });

  it("tells which ids are stored, across several statements for long lists", async () => {
    const asked = [...Array.from({ length: 1200 }, (_, n) => `req_zz${n}`), "req_ab01", "req_b"];
    expect((await storedRequestIds(asked)).sort()).toEqual(["req_ab01", "req_b"]);
    expect(await storedRequestIds([])).toEqual([]);
  });

  it("finds ids starting with any of several prefixes, up to the limit", async () => {
    expect((await storedRequestIdsWithPrefixes(["req_c", "req_aa", "req_b"], 10)).sort()).toEqual(["req_aa01", "req_aa02", "req_b"]);
    expect(await storedRequestIdsWithPrefixes(["req_aa", "req_ab"], 2)).toEqual(["req_aa01", "req_aa02"]);
  });

  it("takes each prefix's first ids in id order, counting an id found twice once, up to the limit", async () => {
    expect(await storedRequestIdsWithPrefixes(["req_aa", "req_a"], 10)).toEqual(["req_aa01", "req_aa02", "req_ab01"]);
    expect(await storedRequestIdsWithPrefixes(["req_aa", "req_a"], 3)).toEqual(["req_aa01", "req_aa02"]);
    expect(await storedRequestIdsWithPrefixes(["req_a", "req_b"], 3)).toEqual(["req_aa01", "req_aa02", "req_ab01"]);
  });

  it("probes long lists of prefixes (several statements on PostgreSQL)", async () => {
    const prefixes = [...Array.from({ length: 450 }, (_, n) => `req_zz${n}`), "req_b", "req_ab"];
    expect(await storedRequestIdsWithPrefixes(prefixes, 10)).toEqual(["req_b", "req_ab01"]);
  });
});
