import { inArray } from "drizzle-orm";
import { database } from "@/db/client";
import { findEventByRequestId } from "@/db/queries/events";
import { createRandom, deriveSeed } from "@/lib/demo/random";
import { getTrend } from "@/lib/trends/org-trends";
import { RANGE_PRESETS } from "@/lib/trends/range-presets";
import { storedEvents, type FillMeta } from "../fill";
import { measure, type Timing } from "../measure";

/** Ids read per statement while collecting known ids: well under either backend's parameter limit. */
const ID_CHUNK = 1_000;

/**
 * `count` distinct row ids of the fill, drawn with a fixed seed. Both fills store the same rows in
 * the same order (ids 1…N), so both backends look up the very same request ids, in the same order.
 */
function sampleRowIds(meta: FillMeta, count: number): number[] {
  const random = createRandom(deriveSeed(meta.seed, "bench:backends:lookups"));
  const total = storedEvents(meta);
  const ids = new Set<number>();
  while (ids.size < Math.min(count, total)) ids.add(1 + Math.floor(random.next() * total));
  return [...ids];
}

/** Request ids known to be stored, spread over the whole table (and so over its unique index). */
export async function knownRequestIds(meta: FillMeta, count: number): Promise<string[]> {
  const { db, t } = await database();
  const rowIds = sampleRowIds(meta, count);
  const byRow = new Map<number, string>();
  for (let start = 0; start < rowIds.length; start += ID_CHUNK) {
    const rows = await db
      .select({ id: t.events.id, requestId: t.events.requestId })
      .from(t.events)
      .where(inArray(t.events.id, rowIds.slice(start, start + ID_CHUNK)));
    for (const row of rows) byRow.set(row.id, row.requestId);
  }
  if (byRow.size !== rowIds.length) throw new Error(`expected the fill's events to have ids 1…${storedEvents(meta)}; found ${byRow.size} of ${rowIds.length} sampled ids`);
  return rowIds.map((id) => byRow.get(id)!);
}

/** `findEventByRequestId` (GET /api/v1/events/{request_id}): `warmup` ids unmeasured, then `runs` others. */
export async function measureLookups(ids: readonly string[], runs: number, warmup: number): Promise<{ timing: Timing; missing: number }> {
  let next = 0;
  let missing = 0;
  const lookup = async () => {
    const found = await findEventByRequestId(ids[next++ % ids.length]!);
    if (!found) missing += 1;
    return found ?? null;
  };
  const { timing } = await measure(lookup, runs, warmup);
  return { timing, missing };
}

/**
 * `getTrend` as GET /api/v1/orgs/{org}/trends?from=now-30d&bucket=hour calls it, at the data's "now"
 * (the 30 days the fill covers). Returns how many events the answer counts: the same data must give
 * the same number on both backends.
 */
export async function measureTrend(meta: FillMeta, runs: number, warmup: number): Promise<{ timing: Timing; events: number; buckets: number }> {
  const range = { from: meta.now - RANGE_PRESETS["30d"], to: meta.now };
  const largest = meta.orgs[0]!.id;
  const { timing, answer } = await measure(() => getTrend(largest, range, "hour"), runs, warmup);
  const events = Object.values(answer?.totals ?? {}).reduce((sum, n) => sum + n, 0);
  return { timing, events, buckets: answer?.series.length ?? 0 };
}
