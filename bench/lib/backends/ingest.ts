import { count } from "drizzle-orm";
import { database } from "@/db/client";
import { storeSubmissions, type NewEvent, type Submission } from "@/db/queries/events";
import { createRandom, deriveSeed, requestIdSource } from "@/lib/demo/random";
import { buildEventPool } from "../../ingest-events";
import { storedEvents, type FillMeta } from "../fill";
import { postgresIngestBreakdown } from "./ingest-breakdown";
import { addedSince, lastEventId, restore, rollupsInStep } from "./restore";

/*
 * Batched ingest into the filled database, then the database put back as the fill left it, so the
 * next run can reuse it. The events are bench:ingest's pool (the demo's eight organizations, which
 * are the fill's eight largest; catalogued codes and details), each batch one submission stored
 * through `storeSubmissions`: events, organizations and hourly rollups in one transaction, as the
 * server stores a batch.
 *
 * Request ids are drawn at random in the fill's shape (`req_` + 24 hex), so new ids land all over
 * the 5-million-entry unique index, as real ones do. (bench:ingest's ids share a tag prefix: on a
 * filled table they would all sort at one end of the index, which costs much less.)
 */

/** Batches stored again, timed statement by statement, after the measured ones (PostgreSQL only). */
const BREAKDOWN_BATCHES = 40;

export interface IngestSettings {
  measured: number;
  warmup: number;
  batch: number;
  /** Submissions per transaction in the grouped pass (as group commit forms them under concurrent batches). */
  grouped: number;
}

export interface IngestFigures {
  eventsPerSecond: number;
  /** The same events per second with `grouped` submissions per `storeSubmissions` call. */
  groupedPerSecond: number;
  /** Where a batch's time goes, statement by statement (PostgreSQL). */
  breakdown: string[];
  /** Events the run stored (warm-up and measured). */
  stored: number;
  problems: string[];
}

/**
 * Stores `count` events in submissions of `batch`, `perCall` submissions to a `storeSubmissions`
 * call (one transaction); returns the milliseconds spent inside it.
 */
async function storeBatches(nextEvent: () => NewEvent, count: number, batch: number, perCall = 1): Promise<number> {
  let spent = 0;
  for (let stored = 0; stored < count; ) {
    // Built outside the timed span: the figure is storage alone.
    const submissions: Submission[] = [];
    for (; submissions.length < perCall && stored < count; stored += batch) {
      submissions.push({ events: Array.from({ length: Math.min(batch, count - stored) }, nextEvent), receivedAt: Date.now() });
    }
    const started = performance.now();
    await storeSubmissions(submissions);
    spent += performance.now() - started;
  }
  return spent;
}

/**
 * `measured` events in batches of `batch` (after `warmup` unmeasured), one submission per
 * transaction, as a lone client's batches are stored; then as many again, `grouped` submissions
 * per transaction. Events per second of time inside `storeSubmissions`.
 */
export async function measureIngest(meta: FillMeta, settings: IngestSettings): Promise<IngestFigures> {
  const app = await database();
  const before = await lastEventId(app);
  const pool = buildEventPool(Date.now());
  const nextId = requestIdSource(createRandom(deriveSeed(meta.seed, "bench:backends:ingest")));
  let cursor = 0;
  const nextEvent = () => pool.stored(cursor++, nextId());
  const { measured, warmup, batch, grouped } = settings;
  await storeBatches(nextEvent, warmup, batch);
  const eventsPerSecond = measured / ((await storeBatches(nextEvent, measured, batch)) / 1000);
  const groupedPerSecond = measured / ((await storeBatches(nextEvent, measured, batch, grouped)) / 1000);
  const breakdownEvents = app.dialect === "postgres" ? BREAKDOWN_BATCHES * batch : 0;
  const breakdown = breakdownEvents > 0 ? await postgresIngestBreakdown(() => storeBatches(nextEvent, breakdownEvents, batch), BREAKDOWN_BATCHES) : [];

  const added = await addedSince(app, before);
  const problems: string[] = [];
  const expected = warmup + 2 * measured + breakdownEvents;
  if (added.n !== expected) problems.push(`ingest stored ${added.n} events, ${expected} were sent (every id new)`);
  const outOfStep = await rollupsInStep(app, added);
  if (outOfStep) problems.push(outOfStep);
  await restore(app, before, added);
  const [left] = await app.db.select({ n: count() }).from(app.t.events);
  if (left?.n !== storedEvents(meta)) problems.push(`after putting the fill back, events holds ${left?.n} rows, the fill stored ${storedEvents(meta)}`);
  return { eventsPerSecond, groupedPerSecond, breakdown, stored: added.n, problems };
}
