import "server-only";

import { DrizzleQueryError, sql, type SQL } from "drizzle-orm";
import { bucketStart } from "@/lib/trends/buckets";
import type { PgDb } from "../postgres/open";
import { bumpRollupEpoch } from "./rollup-epochs";
import type { NewEvent, StoreResult, Submission } from "./store-events";
import { GroupTally, occurredAtOf, type Rollup } from "./store-events-tally";

/*
 * The PostgreSQL ingest path: one transaction per group, one statement per table. Rows travel as
 * one array per column through unnest(), so a statement has 13 parameters whatever the group's size
 * (a multi-row VALUES list needs 13 per event, under the 65,535 limit only in chunks, and PostgreSQL
 * parses every one of them: twice as slow per event, measured on this backend).
 *
 * Several instances may store at once:
 * - the same request id inserted by two transactions is stored once: the second waits on the
 *   first's unique-index entry and, once that commits, inserts nothing (ON CONFLICT DO NOTHING), so
 *   RETURNING tells exactly one of them that it was accepted;
 * - organizations and rollups are written in key order, so two transactions lock shared rows in the
 *   same order and cannot deadlock on them. Events keep their arrival order (their ids order
 *   events of the same millisecond), so two groups re-sending the same ids in opposite orders can
 *   deadlock; PostgreSQL then aborts one, and it is run again.
 */

type Tx = Pick<PgDb, "execute">;

/** Times a group is tried when PostgreSQL aborts it to break a deadlock. */
const DEADLOCK_ATTEMPTS = 5;
const DEADLOCK_DETECTED = "40P01";

interface Candidate {
  event: NewEvent;
  submission: number;
  occurredAt: number;
  receivedAt: number;
}

export interface PostgresStored {
  results: StoreResult[];
  /** Every hour whose rollups the transaction changed. */
  hours: Set<number>;
  /** The rollup epoch the transaction moved to, if it changed an hour that had ended. */
  epoch?: number;
}

/**
 * The first event of each request id in the group, in order. A later one repeats an id this group
 * already tries to store: it is its own submission's duplicate, as on SQLite, where its insert
 * finds the earlier one's row.
 */
function firstOfEachId(submissions: readonly Submission[]): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  submissions.forEach(({ events, receivedAt }, submission) => {
    for (const event of events) {
      if (seen.has(event.requestId)) continue;
      seen.add(event.requestId);
      candidates.push({ event, submission, occurredAt: occurredAtOf(event, receivedAt), receivedAt });
    }
  });
  return candidates;
}

/** A column of an unnest() insert: its name, its PostgreSQL type, and its value in a row. */
type Column<T> = readonly [name: string, type: string, value: (row: T) => unknown];

/**
 * `(columns) select * from unnest(arrays)`: one array parameter per column (drizzle would spread a
 * plain array into a list of parameters, hence sql.param).
 */
function unnestRows<T>(rows: readonly T[], columns: readonly Column<T>[]): SQL {
  const names = sql.raw(columns.map(([name]) => name).join(", "));
  const arrays = columns.map(([, type, value]) => sql`${sql.param(rows.map(value))}::${sql.raw(type)}[]`);
  return sql`(${names}) select * from unnest(${sql.join(arrays, sql`, `)})`;
}

/**
 * Runs one statement; a failure is rethrown as PostgreSQL's own error. drizzle's wrapper puts every
 * parameter in its message, here whole event bodies, which must not reach the logs.
 */
async function run<T extends Record<string, unknown>>(tx: Tx, query: SQL): Promise<T[]> {
  try {
    return (await tx.execute<T>(query)).rows as T[];
  } catch (error) {
    throw error instanceof DrizzleQueryError && error.cause ? error.cause : error;
  }
}

/*
 * PostgreSQL's text cannot hold U+0000, and its jsonb neither that nor a lone UTF-16 surrogate
 * (JSON.stringify writes one as a \udXXX escape); SQLite stores both. Either would fail the whole
 * group's transaction, every submission in it, so they are stored as U+FFFD. (A lone surrogate in
 * text already becomes U+FFFD when the string is encoded as UTF-8.) Identifiers need none of this:
 * the ingest schema allows them a few ASCII characters only.
 */
const NUL = "\u0000";
/** A \u0000 or lone-surrogate escape, after an even run of backslashes (an odd one escapes the backslash itself). */
const UNSTORABLE_JSON_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi;

function storableText(text: string | null | undefined): string | null {
  if (text == null) return null;
  return text.includes(NUL) ? text.replaceAll(NUL, "\ufffd") : text;
}

function storableJson(value: unknown): string | null {
  if (value == null) return null;
  return JSON.stringify(value).replace(UNSTORABLE_JSON_ESCAPE, "$1\\ufffd");
}

/** The columns of db/schema-pg/events.ts; the storage tests read rows back through drizzle, so a renamed one fails them. */
const EVENT_COLUMNS: readonly Column<Candidate>[] = [
  ["request_id", "text", ({ event }) => event.requestId],
  ["org_id", "text", ({ event }) => event.orgId],
  ["code", "text", ({ event }) => event.code],
  ["http_status", "integer", ({ event }) => event.httpStatus],
  ["message", "text", ({ event }) => storableText(event.message)],
  ["details", "jsonb", ({ event }) => storableJson(event.details)],
  ["occurred_at", "bigint", ({ occurredAt }) => occurredAt],
  ["received_at", "bigint", ({ receivedAt }) => receivedAt],
  ["service", "text", ({ event }) => storableText(event.service)],
  ["method", "text", ({ event }) => storableText(event.method)],
  ["path", "text", ({ event }) => storableText(event.path)],
  ["environment", "text", ({ event }) => event.environment ?? null],
  ["catalog_flag", "text", ({ event }) => event.catalogFlag ?? null],
];

const ORGANIZATION_COLUMNS: readonly Column<readonly [id: string, firstSeenAt: number]>[] = [
  ["id", "text", ([id]) => id],
  ["first_seen_at", "bigint", ([, firstSeenAt]) => firstSeenAt],
];

const ROLLUP_COLUMNS: readonly Column<Rollup>[] = [
  ["org_id", "text", (r) => r.orgId],
  ["code", "text", (r) => r.code],
  ["http_status", "integer", (r) => r.httpStatus],
  ["hour", "bigint", (r) => r.hour],
  ["count", "integer", (r) => r.count],
];

/** Inserts the candidates; returns the ids actually stored (not stored before, by anyone). */
async function insertEvents(tx: Tx, candidates: readonly Candidate[]): Promise<Set<string>> {
  const rows = await run<{ requestId: string }>(
    tx,
    sql`insert into events ${unnestRows(candidates, EVENT_COLUMNS)} on conflict (request_id) do nothing returning request_id as "requestId"`,
  );
  return new Set(rows.map((row) => row.requestId));
}

/** Code-unit order: any total order does, as long as every instance locks rows in the same one. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRollups(a: Rollup, b: Rollup): number {
  return compareText(a.orgId, b.orgId) || compareText(a.code, b.code) || a.hour - b.hour || a.httpStatus - b.httpStatus;
}

async function insertOrganizations(tx: Tx, firstSeen: ReadonlyMap<string, number>): Promise<void> {
  if (firstSeen.size === 0) return;
  const organizations = [...firstSeen].sort(([a], [b]) => compareText(a, b));
  await run(tx, sql`insert into organizations ${unnestRows(organizations, ORGANIZATION_COLUMNS)} on conflict (id) do nothing`);
}

async function upsertRollups(tx: Tx, tallied: Iterable<Rollup>): Promise<void> {
  const rollups = [...tallied].sort(compareRollups);
  if (rollups.length === 0) return;
  await run(
    tx,
    sql`insert into hourly_rollups ${unnestRows(rollups, ROLLUP_COLUMNS)}
      on conflict (org_id, code, hour, http_status) do update set count = hourly_rollups.count + excluded.count`,
  );
}

async function storeGroup(pg: PgDb, submissions: readonly Submission[], candidates: readonly Candidate[]): Promise<PostgresStored> {
  return pg.transaction(async (tx) => {
    const stored = await insertEvents(tx, candidates);
    const results = submissions.map(({ events }) => ({ accepted: 0, duplicates: events.length }));
    const tally = new GroupTally();
    for (const candidate of candidates) {
      if (!stored.has(candidate.event.requestId)) continue;
      const result = results[candidate.submission]!;
      result.accepted += 1;
      result.duplicates -= 1;
      tally.add(candidate.event, candidate.occurredAt, candidate.receivedAt);
    }
    await insertOrganizations(tx, tally.firstSeen);
    await upsertRollups(tx, tally.rollups.values());
    const hours = tally.hours();
    // Judged just before COMMIT; closed-rollups.ts waits a margin past an hour's end before keeping it.
    const currentHour = bucketStart(Date.now(), "hour");
    const endedHours = [...hours].filter((hour) => hour < currentHour);
    return { results, hours, epoch: endedHours.length > 0 ? await bumpRollupEpoch(tx, endedHours) : undefined };
  });
}

function isDeadlock(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DEADLOCK_DETECTED;
}

/** Stores a group in one PostgreSQL transaction (see storeSubmissions), tried again if aborted by a deadlock. */
export async function storeOnPostgres(pg: PgDb, submissions: readonly Submission[]): Promise<PostgresStored> {
  const candidates = firstOfEachId(submissions);
  if (candidates.length === 0) return { results: submissions.map(({ events }) => ({ accepted: 0, duplicates: events.length })), hours: new Set() };
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeGroup(pg, submissions, candidates);
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}
