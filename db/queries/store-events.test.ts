import { asc } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { events, hourlyRollups, organizations } from "@/db/schema";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { rawSqlite } from "@/lib/testing/raw-sqlite";
import { useFreshDatabase } from "@/lib/testing/test-db";
import { storeEvents, storeSubmissions } from "./store-events";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 26, 10);
const RECEIVED = Date.UTC(2026, 10, 26, 15);

let handle: ReturnType<typeof useFreshDatabase>;

beforeEach(() => {
  handle = useFreshDatabase();
});

afterEach(() => {
  handle.cleanup();
});

function storedIds(): string[] {
  return handle.db.select({ id: events.requestId }).from(events).orderBy(asc(events.requestId)).all().map((row) => row.id);
}

function rollupTotal(): number {
  return rawSqlite(handle.db).prepare("select coalesce(sum(count), 0) from hourly_rollups").pluck().get() as number;
}

const input = (requestId: string, occurredAt: number | null = T0) => storedEventInput({ requestId, occurredAt });

describe("storeSubmissions", () => {
  it("answers each submission with its own counts, in order", () => {
    storeEvents([input("old")], RECEIVED);
    const results = storeSubmissions([
      { events: [input("a1"), input("a2")], receivedAt: RECEIVED },
      { events: [input("b1"), input("old"), input("b1")], receivedAt: RECEIVED },
      { events: [input("c1")], receivedAt: RECEIVED },
    ]);
    expect(results).toEqual([
      { accepted: 2, duplicates: 0 },
      { accepted: 1, duplicates: 2 },
      { accepted: 1, duplicates: 0 },
    ]);
    expect(storedIds()).toEqual(["a1", "a2", "b1", "c1", "old"]);
  });

  it("lets the first submission of a group store a shared id and counts it as a duplicate for the later ones", () => {
    const results = storeSubmissions([
      { events: [input("x"), input("y")], receivedAt: RECEIVED },
      { events: [input("y"), input("z")], receivedAt: RECEIVED + 1 },
      { events: [input("x"), input("y"), input("z")], receivedAt: RECEIVED + 2 },
    ]);
    expect(results).toEqual([
      { accepted: 2, duplicates: 0 },
      { accepted: 1, duplicates: 1 },
      { accepted: 0, duplicates: 3 },
    ]);
    expect(handle.db.select({ id: events.requestId, receivedAt: events.receivedAt }).from(events).orderBy(asc(events.requestId)).all()).toEqual([
      { id: "x", receivedAt: RECEIVED },
      { id: "y", receivedAt: RECEIVED },
      { id: "z", receivedAt: RECEIVED + 1 },
    ]);
    expect(rollupTotal()).toBe(3);
  });

  it("uses each submission's own time received as the default occurred_at and for new organizations", () => {
    storeSubmissions([
      { events: [input("a", null)], receivedAt: RECEIVED },
      { events: [storedEventInput({ requestId: "b", occurredAt: null, orgId: "org_new" })], receivedAt: RECEIVED + HOUR },
    ]);
    const rows = handle.db.select({ id: events.requestId, occurredAt: events.occurredAt }).from(events).orderBy(asc(events.requestId)).all();
    expect(rows).toEqual([
      { id: "a", occurredAt: RECEIVED },
      { id: "b", occurredAt: RECEIVED + HOUR },
    ]);
    expect(handle.db.select().from(organizations).orderBy(asc(organizations.id)).all()).toEqual([
      { id: "org_acme", name: null, firstSeenAt: RECEIVED },
      { id: "org_new", name: null, firstSeenAt: RECEIVED + HOUR },
    ]);
    expect(handle.db.select({ hour: hourlyRollups.hour, count: hourlyRollups.count }).from(hourlyRollups).orderBy(asc(hourlyRollups.hour)).all()).toEqual([
      { hour: RECEIVED, count: 1 },
      { hour: RECEIVED + HOUR, count: 1 },
    ]);
  });

  it("adds one group's events of the same hour into one rollup row", () => {
    storeSubmissions([
      { events: [input("a", T0), input("b", T0 + 1)], receivedAt: RECEIVED },
      { events: [input("c", T0 + 2)], receivedAt: RECEIVED },
    ]);
    expect(handle.db.select().from(hourlyRollups).all()).toEqual([
      { orgId: "org_acme", code: "api_key.scope_denied", httpStatus: 403, hour: T0, count: 3 },
    ]);
  });

  it("is one transaction: a failure in a later submission stores nothing of the earlier ones", () => {
    const broken = storedEventInput({ requestId: "bad", orgId: null as unknown as string });
    expect(() =>
      storeSubmissions([
        { events: [input("a")], receivedAt: RECEIVED },
        { events: [input("b"), broken], receivedAt: RECEIVED },
      ]),
    ).toThrow(/NOT NULL/);
    expect(storedIds()).toEqual([]);
    expect(rollupTotal()).toBe(0);
    expect(handle.db.select().from(organizations).all()).toEqual([]);
  });

  it("accepts an empty list and empty submissions", () => {
    expect(storeSubmissions([])).toEqual([]);
    expect(storeSubmissions([{ events: [], receivedAt: RECEIVED }])).toEqual([{ accepted: 0, duplicates: 0 }]);
  });

  it("follows the process to another database file", () => {
    storeEvents([input("first")], RECEIVED);
    handle.cleanup();
    handle = useFreshDatabase();
    expect(storeEvents([input("first")], RECEIVED)).toEqual({ accepted: 1, duplicates: 0 });
    expect(storedIds()).toEqual(["first"]);
  });
});
