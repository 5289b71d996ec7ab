import "server-only";

import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { innerMap } from "@/lib/maps";
import { bucketStart, DAY_MS, HOUR_MS } from "@/lib/trends/buckets";
import type { TimeRange } from "@/lib/trends/types";
import { getDb, sqliteOf } from "../client";

/*
 * Rollups of hours and days that have ended, kept in memory. The organizations list and the 24-hour
 * spike check need the same ~47 closed hours and 7 closed days on every request, and re-reading them
 * (about 1,200 rows an hour at 5 M events) was most of their time (bench/README.md, "Trends").
 *
 * Answers stay exact because memory is dropped whenever the database changes under it:
 * - hourly_rollups is written only by storeSubmissions, which calls forgetClosedRollups with every
 *   hour it wrote once it has committed, so a late event makes its hour and day read again;
 * - a commit by another connection (the CLI's `demo`, another process) moves PRAGMA data_version,
 *   which every read checks first; it drops everything, since which hours changed is unknown.
 * The hour holding `now` (and any later one) is never kept: ingest changes it all the time, so it is
 * read on every call, as the server must under live traffic.
 */

export interface PairStatusCount {
  orgId: string;
  code: string;
  httpStatus: number;
  count: number;
}

export interface HourRollup {
  /** Start of the UTC hour, epoch ms. */
  hour: number;
  counts: readonly PairStatusCount[];
  /** Events per organization. */
  orgTotals: ReadonlyMap<string, number>;
}

/**
 * Events per organization, then code, of one UTC day. Nested maps rather than "org code" keys: a
 * key string built per lookup cost more than the lookups themselves, and these strings, kept in
 * memory, carry their hashes from one request to the next.
 */
export type DayPairCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Enough for the organizations list's 47 closed hours and the spike baseline's 7 days, with room to spare. */
export const KEPT_HOURS = 72;
const KEPT_DAYS = 10;

interface Memo {
  dataVersion: Database.Statement;
  version: unknown;
  /** In least recently used order: a Map iterates in insertion order, and a hit re-inserts. */
  hours: Map<number, HourRollup>;
  days: Map<number, DayPairCounts>;
}

// On globalThis, like the connection itself (db/client.ts): route bundles may load their own copy
// of this module, and ingest must reach the memo the pages read. Keyed by connection because tests
// and the CLI switch databases.
const globalForMemo = globalThis as unknown as { errataClosedRollups?: WeakMap<Database.Database, Memo> };
const memos = (globalForMemo.errataClosedRollups ??= new WeakMap());

function currentMemo(): Memo {
  const sqlite = sqliteOf(getDb());
  let memo = memos.get(sqlite);
  if (!memo) {
    memo = { dataVersion: sqlite.prepare("PRAGMA data_version").pluck(), version: undefined, hours: new Map(), days: new Map() };
    memos.set(sqlite, memo);
  }
  const version: unknown = memo.dataVersion.get();
  if (version !== memo.version) {
    memo.hours.clear();
    memo.days.clear();
    memo.version = version;
  }
  return memo;
}

function remember<T>(kept: Map<number, T>, limit: number, start: number, read: () => T): T {
  const known = kept.get(start);
  if (known !== undefined) kept.delete(start);
  const value = known ?? read();
  kept.set(start, value);
  if (kept.size > limit) kept.delete(kept.keys().next().value!);
  return value;
}

/** Every hour of a whole-hour range from hourly_rollups_hour_idx, hours without events included. */
function readHours(range: TimeRange): HourRollup[] {
  const rows = getDb().all<PairStatusCount & { hour: number }>(sql`
    select hour, org_id as orgId, code, http_status as httpStatus, count from hourly_rollups
    where hour >= ${range.from} and hour < ${range.to}`);
  const hours = new Map<number, HourRollup & { counts: PairStatusCount[]; orgTotals: Map<string, number> }>();
  for (let hour = range.from; hour < range.to; hour += HOUR_MS) hours.set(hour, { hour, counts: [], orgTotals: new Map() });
  for (const { hour, ...row } of rows) {
    const entry = hours.get(hour)!;
    entry.counts.push(row);
    entry.orgTotals.set(row.orgId, (entry.orgTotals.get(row.orgId) ?? 0) + row.count);
  }
  return [...hours.values()];
}

function readDay(day: number): DayPairCounts {
  const rows = getDb().all<{ orgId: string; code: string; count: number }>(sql`
    select org_id as orgId, code, sum(count) as count from hourly_rollups
    where hour >= ${day} and hour < ${day + DAY_MS} group by org_id, code`);
  const byOrg = new Map<string, Map<string, number>>();
  for (const row of rows) innerMap(byOrg, row.orgId).set(row.code, row.count);
  return byOrg;
}

/**
 * The rollups of every hour of a whole-hour range, oldest first. Hours that ended before the hour
 * holding `now` come from memory once read; later ones are read on every call. For ranges of a few
 * days at most: memory keeps the last KEPT_HOURS hours used.
 */
export function rollupHours(range: TimeRange, now: number): HourRollup[] {
  if (bucketStart(range.from, "hour") !== range.from) throw new RangeError(`rollupHours needs whole hours (from ${range.from})`);
  const memo = currentMemo();
  const open = Math.min(Math.max(bucketStart(now, "hour"), range.from), range.to);
  const hours: HourRollup[] = [];
  for (let hour = range.from; hour < open; hour += HOUR_MS) {
    hours.push(remember(memo.hours, KEPT_HOURS, hour, () => readHours({ from: hour, to: hour + HOUR_MS })[0]!));
  }
  return open < range.to ? hours.concat(readHours({ from: open, to: range.to })) : hours;
}

/** Events per organization and code on each of the given UTC days (day starts), from memory for days that have ended. */
export function dayPairCounts(days: readonly number[], now: number): DayPairCounts[] {
  // forgetClosedRollups finds a day by its start: one kept under any other key would never be dropped.
  const unaligned = days.find((day) => bucketStart(day, "day") !== day);
  if (unaligned !== undefined) throw new RangeError(`dayPairCounts needs UTC day starts (got ${unaligned})`);
  const memo = currentMemo();
  return days.map((day) => (day + DAY_MS <= bucketStart(now, "hour") ? remember(memo.days, KEPT_DAYS, day, () => readDay(day)) : readDay(day)));
}

/**
 * Drops the memory of the hours a committed write changed, and of their days. storeSubmissions
 * calls it; anything else that writes hourly_rollups on the app's connection must call it too.
 */
export function forgetClosedRollups(sqlite: Database.Database, hours: Iterable<number>): void {
  const memo = memos.get(sqlite);
  if (!memo) return;
  for (const hour of hours) {
    memo.hours.delete(hour);
    memo.days.delete(bucketStart(hour, "day"));
  }
}
