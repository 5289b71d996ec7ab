import "server-only";

import { sql } from "drizzle-orm";
import { innerMap } from "@/lib/maps";
import { bucketStart, DAY_MS, HOUR_MS } from "@/lib/trends/buckets";
import type { TimeRange } from "@/lib/trends/types";
import { database, sqliteOf, type AppDatabase, type Db } from "../client";
import { selectRows } from "../raw";
import { readRollupChanges } from "./rollup-epochs";

/*
 * Rollups of hours and days that have ended, kept in memory. The organizations list and the 24-hour
 * spike check need the same ~47 closed hours and 7 closed days on every request, and re-reading them
 * (about 1,200 rows an hour at 5 M events) was most of their time (bench/README.md, "Trends").
 *
 * Answers stay exact because memory is dropped whenever the database changes under it:
 * - hourly_rollups is written only by storeSubmissions, which calls forgetClosedRollups with every
 *   hour it wrote once it has committed, so a late event makes its hour and day read again;
 * - a commit by anyone else moves a version that every read checks first. On SQLite that is PRAGMA
 *   data_version (another connection: the CLI's `demo`, another process), which does not say what
 *   changed, so everything is dropped. On PostgreSQL several instances write, and PRAGMA has no
 *   counterpart: every commit that changes an hour that has ended moves rollup_epochs and records
 *   the hour in rollup_changes (rollup-epochs.ts), so another instance's late event reaches this
 *   one's memory, which drops only the hours changed since the epoch it knew (and their days).
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

/**
 * PostgreSQL keeps an hour only once it ended this long ago. A writer moves the epoch only for hours
 * that had ended by its own clock; one still committing an event of the hour that has just ended
 * (judged current when it checked) would otherwise be missed by a reader that kept the hour before
 * that commit. The margin outlasts such a transaction and the instances' clock differences; until it
 * passes, the hour is read on every call like the current one. SQLite's writers all forget every hour
 * they wrote (or move data_version), so it keeps an hour as soon as it ends.
 */
const POSTGRES_SETTLE_MS = 5 * 60_000;

/** A version read: the hours changed since the version asked about, or undefined when unknown (drop all). */
interface VersionRead {
  version: number;
  changedHours?: readonly number[];
}

interface Memo {
  /** PRAGMA data_version on SQLite, the rollup epoch on PostgreSQL (see the top of the file). */
  readVersion: (known: number | undefined) => Promise<VersionRead>;
  version: number | undefined;
  settleMs: number;
  /** Moves whenever anything is dropped: a read that started before must not be kept (it may predate the change). */
  generation: number;
  /** In least recently used order: a Map iterates in insertion order, and a hit re-inserts. */
  hours: Map<number, HourRollup>;
  days: Map<number, DayPairCounts>;
}

// On globalThis, like the database handle itself (db/client.ts): route bundles may load their own
// copy of this module, and ingest must reach the memo the pages read. Keyed by the handle's `db`
// because tests and the CLI switch databases.
const globalForMemo = globalThis as unknown as { errataClosedRollups?: WeakMap<Db, Memo> };
const memos = (globalForMemo.errataClosedRollups ??= new WeakMap());

function newMemo(app: AppDatabase): Memo {
  const memo = { version: undefined, generation: 0, hours: new Map(), days: new Map() };
  if (app.dialect === "postgres") {
    const readVersion = async (known: number | undefined) => {
      const { epoch, hours } = await readRollupChanges(app, known);
      return { version: epoch, changedHours: hours };
    };
    return { ...memo, readVersion, settleMs: POSTGRES_SETTLE_MS };
  }
  const dataVersion = sqliteOf(app.db).prepare("PRAGMA data_version").pluck();
  return { ...memo, readVersion: async () => ({ version: dataVersion.get() as number }), settleMs: 0 };
}

function dropAll(memo: Memo): void {
  memo.hours.clear();
  memo.days.clear();
  memo.generation += 1;
}

/** Drops `hours` and the days holding them; moves the generation, so reads already under way are not kept. */
function dropHours(memo: Memo, hours: Iterable<number>): void {
  memo.generation += 1;
  for (const hour of hours) {
    memo.hours.delete(hour);
    memo.days.delete(bucketStart(hour, "day"));
  }
}

async function currentMemo(app: AppDatabase): Promise<Memo> {
  let memo = memos.get(app.db);
  if (!memo) {
    memo = newMemo(app);
    memos.set(app.db, memo);
  }
  const known = memo.version;
  const { version, changedHours } = await memo.readVersion(known);
  if (version !== memo.version) {
    // The hours changed since `known`: if another read moved the version meanwhile, a superset of
    // what is left to drop (never fewer), and the version only moves forward.
    if (known === undefined || !changedHours) dropAll(memo);
    else dropHours(memo, changedHours);
    memo.version = Math.max(version, memo.version ?? version);
  }
  return memo;
}

/** Start of the first hour not kept in memory at `now`. */
function keptBefore(memo: Memo, now: number): number {
  return bucketStart(now - memo.settleMs, "hour");
}

/** Stores (or, for a hit, refreshes) one entry, evicting the least recently used past `limit`. */
function keep<T>(kept: Map<number, T>, limit: number, start: number, value: T): void {
  kept.delete(start);
  kept.set(start, value);
  if (kept.size > limit) kept.delete(kept.keys().next().value!);
}

/** Every hour of a whole-hour range from hourly_rollups_hour_idx (PostgreSQL: the primary key), hours without events included. */
async function readHours(app: AppDatabase, range: TimeRange): Promise<HourRollup[]> {
  const rows = await selectRows<PairStatusCount & { hour: number }>(
    app,
    sql`
    select hour, org_id as "orgId", code, http_status as "httpStatus", count from hourly_rollups
    where hour >= ${range.from} and hour < ${range.to}`,
  );
  const hours = new Map<number, HourRollup & { counts: PairStatusCount[]; orgTotals: Map<string, number> }>();
  for (let hour = range.from; hour < range.to; hour += HOUR_MS) hours.set(hour, { hour, counts: [], orgTotals: new Map() });
  for (const { hour, ...row } of rows) {
    const entry = hours.get(hour)!;
    entry.counts.push(row);
    entry.orgTotals.set(row.orgId, (entry.orgTotals.get(row.orgId) ?? 0) + row.count);
  }
  return [...hours.values()];
}

async function readDay(app: AppDatabase, day: number): Promise<DayPairCounts> {
  const rows = await selectRows<{ orgId: string; code: string; count: number }>(
    app,
    sql`
    select org_id as "orgId", code, sum(count) as count from hourly_rollups
    where hour >= ${day} and hour < ${day + DAY_MS} group by org_id, code`,
  );
  const byOrg = new Map<string, Map<string, number>>();
  for (const row of rows) innerMap(byOrg, row.orgId).set(row.code, row.count);
  return byOrg;
}

/** Runs of consecutive hours, as ranges, so a cold memory reads 47 hours in one statement, not 47. */
function hourRuns(hours: readonly number[]): TimeRange[] {
  const runs: TimeRange[] = [];
  for (const hour of hours) {
    const last = runs.at(-1);
    if (last && last.to === hour) last.to = hour + HOUR_MS;
    else runs.push({ from: hour, to: hour + HOUR_MS });
  }
  return runs;
}

/**
 * The rollups of every hour of a whole-hour range, oldest first. Hours that ended before the hour
 * holding `now` come from memory once read; later ones are read on every call. For ranges of a few
 * days at most: memory keeps the last KEPT_HOURS hours used.
 */
export async function rollupHours(range: TimeRange, now: number): Promise<HourRollup[]> {
  if (bucketStart(range.from, "hour") !== range.from) throw new RangeError(`rollupHours needs whole hours (from ${range.from})`);
  const app = await database();
  const memo = await currentMemo(app);
  const generation = memo.generation;
  const open = Math.min(Math.max(keptBefore(memo, now), range.from), range.to);
  const closed: number[] = [];
  for (let hour = range.from; hour < open; hour += HOUR_MS) closed.push(hour);
  const known = new Map(closed.flatMap((hour) => (memo.hours.has(hour) ? [[hour, memo.hours.get(hour)!] as const] : [])));
  const reads = hourRuns(closed.filter((hour) => !known.has(hour)));
  if (open < range.to) reads.push({ from: open, to: range.to });
  const read = new Map((await Promise.all(reads.map((run) => readHours(app, run)))).flat().map((entry) => [entry.hour, entry]));
  const hours = closed.map((hour) => known.get(hour) ?? read.get(hour)!);
  // Memory dropped meanwhile (a commit): what was read may predate that commit, so none of it is kept.
  if (memo.generation === generation) for (const entry of hours) keep(memo.hours, KEPT_HOURS, entry.hour, entry);
  for (let hour = open; hour < range.to; hour += HOUR_MS) hours.push(read.get(hour)!);
  return hours;
}

/** Events per organization and code on each of the given UTC days (day starts), from memory for days that have ended. */
export async function dayPairCounts(days: readonly number[], now: number): Promise<DayPairCounts[]> {
  // forgetClosedRollups finds a day by its start: one kept under any other key would never be dropped.
  const unaligned = days.find((day) => bucketStart(day, "day") !== day);
  if (unaligned !== undefined) throw new RangeError(`dayPairCounts needs UTC day starts (got ${unaligned})`);
  const app = await database();
  const memo = await currentMemo(app);
  const generation = memo.generation;
  const kept = keptBefore(memo, now);
  const answers: DayPairCounts[] = [];
  for (const day of days) {
    const closed = day + DAY_MS <= kept;
    const counts = (closed ? memo.days.get(day) : undefined) ?? (await readDay(app, day));
    if (closed && memo.generation === generation) keep(memo.days, KEPT_DAYS, day, counts);
    answers.push(counts);
  }
  return answers;
}

/**
 * Drops the memory of the hours a committed write changed, and of their days. storeSubmissions
 * calls it; anything else that writes hourly_rollups through the app's database must call it too
 * (and, on PostgreSQL, move the epoch in the same transaction when an hour it changed has ended:
 * bumpRollupEpoch). `db` is the handle's `db` (`(await database()).db`). `epoch` is what that
 * transaction moved the epoch to, if it did: when it is the very next one, no other instance changed
 * an ended hour since this memory last checked, and only the hours written here are dropped.
 */
export function forgetClosedRollups(db: Db, hours: Iterable<number>, epoch?: number): void {
  const memo = memos.get(db);
  if (!memo) return;
  dropHours(memo, hours);
  if (epoch !== undefined && memo.version === epoch - 1) memo.version = epoch;
}
