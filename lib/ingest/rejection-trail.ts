import "server-only";

import { database, type AppDatabase } from "@/db/client";
import { insertRejections, pruneRejections, type NewRejection } from "@/db/queries/rejected-ingests";
import { env } from "@/lib/env";
import type { ApiError } from "@/lib/http/api-error";
import type { RefusalContext } from "@/lib/http/route";
import { logger } from "@/lib/log";
import { onShutdown } from "@/lib/shutdown/drain-registry";
import { trailRetentionStart } from "./rejection-lookup";
import { presentedKeyPrefix, refusalSummary } from "./rejection-record";

/*
 * The rejected-ingest trail: for each refused submission, its time, key display prefix, status,
 * reason code, a short summary and the request ids its body carried (at most 100), so support can
 * tell a customer that an id reached Errata and why it was refused.
 *
 * Refusals made before the body is read (401/403 authentication, 429 rate limit, 413 by declared
 * length) record no request ids, although the first 64 KiB could be scanned for them cheaply:
 * - they come in floods by nature (a sender over its rate, a misconfigured or hostile one retrying).
 *   With ids every refused request would be a row of its own and evict the refusals support needs;
 *   without, one row per key and reason per interval counts them all (`repeats`).
 * - An unauthenticated body is anyone's: its ids would let anyone plant a "rejected" story for any id.
 * - Their senders retry, so the events usually arrive once the cause is gone; and reading bodies
 *   that are refused anyway costs CPU exactly when the process is being flooded.
 */

/**
 * Refusals are gathered in memory and written together: a refusal costs its request no write (a
 * 429 flood must not become a write flood), and identical id-less refusals within one interval
 * share a row. A crash loses at most one interval of the trail, which is diagnostic, not data; a
 * clean shutdown writes the last interval (a drain hook, registered with the first refusal).
 */
const FLUSH_DELAY_MS = 250;
/** Distinct refusals held per interval; past this they are counted and logged, not kept. */
const MAX_PENDING = 2_000;
/**
 * Request ids written per interval: a flood of refused 1,000-event batches must not turn one flush
 * into a transaction long enough to hold up ingest commits. Past it, refusals keep fewer ids.
 */
const MAX_PENDING_IDS = 10_000;
/** Distinct key prefixes of unauthenticated refusals kept per interval: anyone can send those. */
const MAX_ANONYMOUS_PREFIXES = 20;
const PRUNE_EVERY_MS = 60_000;
const PRUNE_EVERY_ROWS = 1_000;
const PRUNE_BATCH = 200;

interface Batch {
  /**
   * The database the refusals happened against, taken when the batch starts: tests switch
   * databases (discarding pending refusals in between), and a late write must not follow them.
   */
  database: Promise<AppDatabase>;
  rows: NewRejection[];
  ids: number;
  coalesced: Map<string, NewRejection>;
  anonymousPrefixes: Set<string>;
  dropped: number;
}

let batch: Batch | undefined;
let timer: NodeJS.Timeout | undefined;
let rowsSincePrune = 0;
let lastPruneAt = 0;
let pruning = false;
let drainRegistered = false;

/** Ids read from a refused body, attached by the ingest pipeline to the error it throws. */
const submittedIds = new WeakMap<object, { requestIds: string[]; eventCount: number | null }>();

export function attachSubmittedIds(error: unknown, requestIds: string[], eventCount: number | null): void {
  if (typeof error === "object" && error !== null) submittedIds.set(error, { requestIds, eventCount });
}

function currentBatch(): Batch {
  if (!batch) {
    const opening = database();
    // Awaited (and a failure logged) only when the batch is flushed.
    opening.catch(() => undefined);
    batch = { database: opening, rows: [], ids: 0, coalesced: new Map(), anonymousPrefixes: new Set(), dropped: 0 };
  }
  return batch;
}

function add(target: Batch, row: NewRejection, anonymous: boolean): void {
  if (anonymous && row.keyPrefix && !target.anonymousPrefixes.has(row.keyPrefix)) {
    if (target.anonymousPrefixes.size >= MAX_ANONYMOUS_PREFIXES) row.keyPrefix = null;
    else target.anonymousPrefixes.add(row.keyPrefix);
  }
  const key = row.requestIds.length === 0 ? [row.keyPrefix, row.httpStatus, row.code, row.summary].join("\u0000") : undefined;
  const same = key === undefined ? undefined : target.coalesced.get(key);
  if (same) {
    same.repeats += 1;
    return;
  }
  if (target.rows.length >= MAX_PENDING) {
    target.dropped += 1;
    return;
  }
  row.requestIds = row.requestIds.slice(0, MAX_PENDING_IDS - target.ids);
  target.ids += row.requestIds.length;
  target.rows.push(row);
  if (key !== undefined) target.coalesced.set(key, row);
}

/**
 * Notes a refused ingest request (the `onRefused` hook of the ingest route). Never throws: the
 * trail must not change the answer the sender gets.
 */
export function recordIngestRefusal(error: ApiError, request: Request, context: RefusalContext, now = Date.now()): void {
  try {
    const submitted = submittedIds.get(error);
    const row: NewRejection = {
      receivedAt: now,
      keyPrefix: (context.actor?.kind === "key" ? context.actor.prefix : null) ?? presentedKeyPrefix(request.headers.get("authorization")),
      httpStatus: error.status,
      code: error.code,
      summary: refusalSummary(error),
      errataRequestId: context.requestId,
      eventCount: submitted?.eventCount ?? null,
      requestIds: submitted?.requestIds ?? [],
      repeats: 1,
    };
    add(currentBatch(), row, context.actor === null);
    registerDrain();
    timer ??= setTimeout(() => void flushRejectionTrail(), FLUSH_DELAY_MS).unref();
  } catch (thrown) {
    logger.warn({ err: thrown, request_id: context.requestId }, "could not note a refused submission in the trail");
  }
}

/** Writes the pending refusals now (also on a timer); returns how many rows were written. Never rejects. */
export async function flushRejectionTrail(now = Date.now()): Promise<number> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const flushing = batch;
  batch = undefined;
  if (!flushing || flushing.rows.length === 0) return 0;
  try {
    const handle = await flushing.database;
    await insertRejections(flushing.rows, handle);
    if (flushing.dropped > 0) logger.warn({ dropped: flushing.dropped }, "rejected-ingest trail full for this interval; refusals not recorded");
    rowsSincePrune += flushing.rows.length;
    if (rowsSincePrune >= PRUNE_EVERY_ROWS || now - lastPruneAt >= PRUNE_EVERY_MS) schedulePrune(handle, now);
    return flushing.rows.length;
  } catch (thrown) {
    // Dropped rather than retried: a store that cannot take a small batch now should not be handed a growing one.
    logger.warn({ err: thrown, lost: flushing.rows.length }, "could not write the rejected-ingest trail");
    return 0;
  }
}

/** Forgets pending refusals without writing them (tests, between databases). */
export function discardPendingRejections(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  batch = undefined;
}

function pruneLimits(now: number) {
  return { receivedBefore: trailRetentionStart(now), keepNewest: env().ERRATA_TRAIL_MAX_SUBMISSIONS, batchSize: PRUNE_BATCH };
}

/**
 * Deletes expired and over-cap rows a small batch at a time, yielding between batches so requests
 * are served in between; never more than one pass at a time.
 */
function schedulePrune(handle: AppDatabase, now: number): void {
  if (pruning) return;
  pruning = true;
  lastPruneAt = now;
  rowsSincePrune = 0;
  const limits = pruneLimits(now);
  const step = async () => {
    try {
      if ((await pruneRejections(limits, handle)) === PRUNE_BATCH) {
        setImmediate(() => void step());
        return;
      }
    } catch (thrown) {
      logger.warn({ err: thrown }, "could not prune the rejected-ingest trail");
    }
    pruning = false;
  };
  setImmediate(() => void step());
}

function registerDrain(): void {
  if (drainRegistered) return;
  drainRegistered = true;
  onShutdown("buffers", "rejected-ingest trail", async () => {
    await flushRejectionTrail();
  });
}

/** Runs one complete prune now, for tests and the CLI; returns the rows deleted. */
export async function pruneRejectionTrail(now = Date.now(), handle?: AppDatabase): Promise<number> {
  const limits = pruneLimits(now);
  const target = handle ?? (await database());
  let total = 0;
  for (let removed = PRUNE_BATCH; removed === PRUNE_BATCH; total += removed) removed = await pruneRejections(limits, target);
  return total;
}
