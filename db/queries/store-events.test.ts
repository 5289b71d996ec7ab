import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openPostgres } from "@/db/postgres/open";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { setupFreshDatabasePerTest, testBackend, useFreshDatabase } from "@/lib/testing/test-db";
import { bucketStart, HOUR_MS } from "@/lib/trends/buckets";
import { readRollupChanges } from "./rollup-epochs";
import { storeEvents, storeSubmissions, type Submission } from "./store-events";
import { storeOnPostgres } from "./store-events-postgres";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 26, 10);
const RECEIVED = Date.UTC(2026, 10, 26, 15);
/** SQLite and PostgreSQL word a NOT NULL violation differently. */
const NOT_NULL = /NOT NULL|not-null/;

const database = setupFreshDatabasePerTest();

async function storedIds(): Promise<string[]> {
  const { db, t } = database;
  return (await db.select({ id: t.events.requestId }).from(t.events).orderBy(asc(t.events.requestId))).map((row) => row.id);
}

async function rollupTotal(): Promise<number> {
  const { db, t } = database;
  const [row] = await db.select({ n: sql<number>`coalesce(sum(${t.hourlyRollups.count}), 0)`.mapWith(Number) }).from(t.hourlyRollups);
  return row?.n ?? 0;
}

const input = (requestId: string, occurredAt: number | null = T0) => storedEventInput({ requestId, occurredAt });

describe("storeSubmissions", () => {
  it("answers each submission with its own counts, in order", async () => {
    await storeEvents([input("old")], RECEIVED);
    const results = await storeSubmissions([
      { events: [input("a1"), input("a2")], receivedAt: RECEIVED },
      { events: [input("b1"), input("old"), input("b1")], receivedAt: RECEIVED },
      { events: [input("c1")], receivedAt: RECEIVED },
    ]);
    expect(results).toEqual([
      { accepted: 2, duplicates: 0 },
      { accepted: 1, duplicates: 2 },
      { accepted: 1, duplicates: 0 },
    ]);
    expect(await storedIds()).toEqual(["a1", "a2", "b1", "c1", "old"]);
  });

  it("lets the first submission of a group store a shared id and counts it as a duplicate for the later ones", async () => {
    const results = await storeSubmissions([
      { events: [input("x"), input("y")], receivedAt: RECEIVED },
      { events: [input("y"), input("z")], receivedAt: RECEIVED + 1 },
      { events: [input("x"), input("y"), input("z")], receivedAt: RECEIVED + 2 },
    ]);
    expect(results).toEqual([
      { accepted: 2, duplicates: 0 },
      { accepted: 1, duplicates: 1 },
      { accepted: 0, duplicates: 3 },
    ]);
    const { db, t } = database;
    expect(await db.select({ id: t.events.requestId, receivedAt: t.events.receivedAt }).from(t.events).orderBy(asc(t.events.requestId))).toEqual([
      { id: "x", receivedAt: RECEIVED },
      { id: "y", receivedAt: RECEIVED },
      { id: "z", receivedAt: RECEIVED + 1 },
    ]);
    expect(await rollupTotal()).toBe(3);
  });

  it("uses each submission's own time received as the default occurred_at and for new organizations", async () => {
    await storeSubmissions([
      { events: [input("a", null)], receivedAt: RECEIVED },
      { events: [storedEventInput({ requestId: "b", occurredAt: null, orgId: "org_new" })], receivedAt: RECEIVED + HOUR },
    ]);
    const { db, t } = database;
    const rows = await db.select({ id: t.events.requestId, occurredAt: t.events.occurredAt }).from(t.events).orderBy(asc(t.events.requestId));
    expect(rows).toEqual([
      { id: "a", occurredAt: RECEIVED },
      { id: "b", occurredAt: RECEIVED + HOUR },
    ]);
    expect(await db.select().from(t.organizations).orderBy(asc(t.organizations.id))).toEqual([
      { id: "org_acme", name: null, firstSeenAt: RECEIVED },
      { id: "org_new", name: null, firstSeenAt: RECEIVED + HOUR },
    ]);
    expect(await db.select({ hour: t.hourlyRollups.hour, count: t.hourlyRollups.count }).from(t.hourlyRollups).orderBy(asc(t.hourlyRollups.hour))).toEqual([
      { hour: RECEIVED, count: 1 },
      { hour: RECEIVED + HOUR, count: 1 },
    ]);
  });

  it("adds one group's events of the same hour into one rollup row", async () => {
    await storeSubmissions([
      { events: [input("a", T0), input("b", T0 + 1)], receivedAt: RECEIVED },
      { events: [input("c", T0 + 2)], receivedAt: RECEIVED },
    ]);
    expect(await database.db.select().from(database.t.hourlyRollups)).toEqual([
      { orgId: "org_acme", code: "api_key.scope_denied", httpStatus: 403, hour: T0, count: 3 },
    ]);
  });

  it("is one transaction: a failure in a later submission stores nothing of the earlier ones", async () => {
    const broken = storedEventInput({ requestId: "bad", orgId: null as unknown as string });
    await expect(
      storeSubmissions([
        { events: [input("a")], receivedAt: RECEIVED },
        { events: [input("b"), broken], receivedAt: RECEIVED },
      ]),
    ).rejects.toThrow(NOT_NULL);
    expect(await storedIds()).toEqual([]);
    expect(await rollupTotal()).toBe(0);
    expect(await database.db.select().from(database.t.organizations)).toEqual([]);
  });

  it("stores text and details exactly, whatever characters they hold", async () => {
    const awkward = 'a "quoted" \\ back\\slash, {braces}, (parens), NULL, ünïcödé 🎉\nnew line';
    const details = { note: awkward, nested: { list: [1, "two", null, { three: true }] }, empty: "", nothing: null };
    await storeEvents([storedEventInput({ requestId: "odd", message: awkward, details, service: "NULL", path: "/v1/{id}" })], RECEIVED);
    const [row] = await database.db.select().from(database.t.events);
    expect(row).toMatchObject({ requestId: "odd", message: awkward, details, service: "NULL", path: "/v1/{id}" });
  });

  it("stores U+0000 and lone surrogates without failing the group: as sent on SQLite, as U+FFFD on PostgreSQL (which cannot hold them)", async () => {
    const results = await storeSubmissions([
      { events: [input("fine")], receivedAt: RECEIVED },
      { events: [storedEventInput({ requestId: "nul", message: "a\u0000b", path: "/\u0000", details: { "k\u0000": "v\u0000", lone: "x\ud800y", escaped: "\\u0000" } })], receivedAt: RECEIVED },
    ]);
    expect(results).toEqual([
      { accepted: 1, duplicates: 0 },
      { accepted: 1, duplicates: 0 },
    ]);
    const [row] = await database.db.select().from(database.t.events).where(eq(database.t.events.requestId, "nul"));
    const unstorable = database.dialect === "postgres" ? "\ufffd" : "\u0000";
    expect(row).toMatchObject({
      message: `a${unstorable}b`,
      path: `/${unstorable}`,
      // A backslash followed by "u0000" is text, not the character: kept on both.
      details: { [`k${unstorable}`]: `v${unstorable}`, lone: database.dialect === "postgres" ? "x\ufffdy" : "x\ud800y", escaped: "\\u0000" },
    });
  });

  it("accepts an empty list and empty submissions", async () => {
    expect(await storeSubmissions([])).toEqual([]);
    expect(await storeSubmissions([{ events: [], receivedAt: RECEIVED }])).toEqual([{ accepted: 0, duplicates: 0 }]);
  });

  it("follows the process to another database", async () => {
    await storeEvents([input("first")], RECEIVED);
    const other = await useFreshDatabase();
    try {
      expect(await storeEvents([input("first")], RECEIVED)).toEqual({ accepted: 1, duplicates: 0 });
      expect((await other.db.select({ id: other.t.events.requestId }).from(other.t.events)).map((row) => row.id)).toEqual(["first"]);
    } finally {
      await other.cleanup();
    }
  });
});

// Several instances share one PostgreSQL; SQLite has one writer, the process that holds the file.
// Rounds of concurrent transactions take seconds on a loaded machine: a longer timeout.
describe.skipIf(testBackend() === "sqlite")("several instances storing at once (PostgreSQL)", { timeout: 30_000 }, () => {
  /** Another instance: its own pool on the same database, storing through the same code. */
  async function withOtherInstance(work: (store: (submissions: readonly Submission[]) => Promise<{ accepted: number }[]>) => Promise<void>) {
    const other = await openPostgres(database.url, 4);
    try {
      await work(async (submissions) => (await storeOnPostgres(other.db, submissions)).results);
    } finally {
      await other.pool.end();
    }
  }

  it("store an id sent to both at the same moment once, and count it as accepted by exactly one", async () => {
    await withOtherInstance(async (storeElsewhere) => {
      const rounds = 15;
      for (let round = 0; round < rounds; round++) {
        const ids = Array.from({ length: 40 }, (_, n) => `req_${round}_${n}`);
        // Opposite orders: the two transactions wait on each other's ids (a deadlock PostgreSQL breaks, and the loser retries).
        const [here, there] = await Promise.all([
          storeSubmissions([{ events: ids.map((id) => input(id)), receivedAt: RECEIVED }]),
          storeElsewhere([{ events: [...ids].reverse().map((id) => input(id)), receivedAt: RECEIVED }]),
        ]);
        expect(here[0]!.accepted + there[0]!.accepted).toBe(ids.length);
      }
      expect(await storedIds()).toHaveLength(rounds * 40);
      expect(await rollupTotal()).toBe(rounds * 40);
    });
  });

  it("add into the same rollup rows without losing a count", async () => {
    await withOtherInstance(async (storeElsewhere) => {
      const batch = (prefix: string) => Array.from({ length: 30 }, (_, n) => storedEventInput({ requestId: `${prefix}_${n}`, occurredAt: T0 + (n % 3) * HOUR, orgId: `org_${n % 4}` }));
      await Promise.all(
        Array.from({ length: 10 }, (_, n) =>
          n % 2 === 0 ? storeSubmissions([{ events: batch(`here${n}`), receivedAt: RECEIVED }]) : storeElsewhere([{ events: batch(`there${n}`), receivedAt: RECEIVED }]),
        ),
      );
      expect(await rollupTotal()).toBe(300);
      expect(await database.db.select().from(database.t.organizations)).toHaveLength(4);
    });
  });

  it("move the rollup epoch only when an hour that has ended changes", async () => {
    const now = Date.now();
    await storeEvents([input("current", now)], now);
    expect((await readRollupChanges(database.database)).epoch).toBe(0);
    await storeEvents([input("late", bucketStart(now, "hour") - HOUR_MS)], now);
    expect((await readRollupChanges(database.database)).epoch).toBe(1);
    await storeEvents([input("late"), input("current")], now);
    expect((await readRollupChanges(database.database)).epoch).toBe(1);
  });

  it("record under the epoch each ended hour a commit changed", async () => {
    const now = Date.now();
    const lastHour = bucketStart(now, "hour") - HOUR_MS;
    await storeEvents([input("a", lastHour), input("b", lastHour - HOUR_MS), input("c", now)], now);
    await storeEvents([input("d", lastHour)], now);
    expect(await readRollupChanges(database.database, 0)).toEqual({ epoch: 2, hours: [lastHour - HOUR_MS, lastHour] });
    expect(await readRollupChanges(database.database, 1)).toEqual({ epoch: 2, hours: [lastHour] });
    expect(await readRollupChanges(database.database, 2)).toEqual({ epoch: 2, hours: [] });
  });
});
