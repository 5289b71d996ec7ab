import "server-only";

import { dayPairCounts, type DayPairCounts } from "@/db/queries/closed-rollups";
import {
  baselineCounts,
  firstEventAt,
  orgHistoryStarts,
  pairsSeenInEvents,
  pairsSeenInRollups,
  windowCounts,
  type OrgCode,
  type WindowCount,
} from "@/db/queries/rollups";
import { innerMap } from "@/lib/maps";
import { bucketStart, DAY_MS, HOUR_MS } from "./buckets";
import { dominantStatus } from "./deltas";
import { baselineFor, baselineSamples, BASELINE_DAYS, judgeSpike, MIN_COUNT, NEW_CODE_LOOKBACK_MS, type SpikeJudgement } from "./spike-rule";
import type { Spike, SpikeReport, SpikeWindow, TimeRange } from "./types";

export const SPIKE_WINDOW_MS: Readonly<Record<SpikeWindow, number>> = { "1h": HOUR_MS, "24h": DAY_MS };

/** One organization and code in the window, statuses summed. */
interface PairActivity extends OrgCode {
  recent: number;
  httpStatus: number;
  earliest: number;
  latest: number;
}

const pairKey = (pair: OrgCode) => `${pair.orgId} ${pair.code}`;
const round = (value: number) => Math.round(value * 100) / 100;

function pairActivity(rows: readonly WindowCount[]): PairActivity[] {
  // Organization, then code: no key string is built per row (see DayPairCounts, closed-rollups.ts).
  const byOrg = new Map<string, Map<string, { pair: PairActivity; byStatus: Map<number, number> }>>();
  for (const row of rows) {
    const codes = innerMap(byOrg, row.orgId);
    let entry = codes.get(row.code);
    if (!entry) {
      entry = { pair: { orgId: row.orgId, code: row.code, recent: 0, httpStatus: row.httpStatus, earliest: row.earliest, latest: row.latest }, byStatus: new Map() };
      codes.set(row.code, entry);
    }
    entry.pair.recent += row.count;
    entry.pair.earliest = Math.min(entry.pair.earliest, row.earliest);
    entry.pair.latest = Math.max(entry.pair.latest, row.latest);
    entry.byStatus.set(row.httpStatus, (entry.byStatus.get(row.httpStatus) ?? 0) + row.count);
  }
  return [...byOrg.values()].flatMap((codes) => [...codes.values()].map(({ pair, byStatus }) => ({ ...pair, httpStatus: dominantStatus(byStatus) })));
}

function toSpike(kind: Spike["kind"], pair: PairActivity, window: SpikeWindow, range: TimeRange, judged: SpikeJudgement, firstSeenAt: number | null): Spike {
  return {
    kind,
    orgId: pair.orgId,
    code: pair.code,
    httpStatus: pair.httpStatus,
    window,
    range,
    recent: pair.recent,
    expected: round(judged.expected),
    spread: round(judged.spread),
    score: round(judged.score),
    firstSeenAt,
  };
}

/** The windows a spike window is judged against, and the counts of the window's pairs in them. */
interface Baseline {
  windows: TimeRange[];
  /** One count per window; only promised for pairs with at least MIN_COUNT recent events. */
  countsOf(pair: OrgCode): number[];
  /** True when the pair has events in a baseline window lying wholly inside `range`; false says nothing. */
  seenWithin(pair: OrgCode, range: TimeRange): boolean;
}

/** 1 hour: the same hour on each previous day, estimated from hourly rollups, for the candidates only. */
async function hourBaseline(windows: TimeRange[], candidates: readonly OrgCode[]): Promise<Baseline> {
  const samples = new Map(candidates.map((pair) => [pairKey(pair), Array<number>(windows.length).fill(0)]));
  for (const row of await baselineCounts(windows, candidates)) {
    const counts = samples.get(pairKey(row));
    if (counts) counts[row.window] = row.count;
  }
  return { windows, countsOf: (pair) => samples.get(pairKey(pair)) ?? [], seenWithin: () => false };
}

const countOn = (day: DayPairCounts | undefined, pair: OrgCode) => day?.get(pair.orgId)?.get(pair.code) ?? 0;

/** 24 hours: whole previous days, exact, every pair of every organization (kept in memory once read). */
async function dayBaseline(windows: TimeRange[], now: number): Promise<Baseline> {
  const days = await dayPairCounts(windows.map((day) => day.from), now);
  return {
    windows,
    countsOf: (pair) => days.map((day) => countOn(day, pair)),
    seenWithin: (pair, within) => windows.some((day, index) => day.from >= within.from && day.to <= within.to && countOn(days[index], pair) > 0),
  };
}

/** Judges the pairs that could be spikes; history is read only for organizations with such pairs. */
async function judgeSpikes(candidates: readonly PairActivity[], baseline: Baseline, window: SpikeWindow, range: TimeRange): Promise<{ spike: Spike; latest: number }[]> {
  const historyStarts = await orgHistoryStarts([...new Set(candidates.map((pair) => pair.orgId))]);
  const found: { spike: Spike; latest: number }[] = [];
  for (const pair of candidates) {
    const judged = judgeSpike(pair.recent, baselineSamples(baseline.windows, baseline.countsOf(pair), historyStarts.get(pair.orgId) ?? Infinity));
    if (judged.isSpike) found.push({ spike: toSpike("spike", pair, window, range, judged, null), latest: pair.latest });
  }
  return found;
}

/**
 * Pairs in the window with no event in the 30 days before it: rollups to the hour, raw events for
 * the partial hour. A pair the baseline already saw inside that span needs no query.
 */
async function newCodes(pairs: readonly PairActivity[], baseline: Baseline, window: SpikeWindow, range: TimeRange): Promise<Spike[]> {
  const windowHour = bucketStart(range.from, "hour");
  const lookback = { from: range.from - NEW_CODE_LOOKBACK_MS, to: windowHour };
  const unknown = pairs.filter((pair) => !baseline.seenWithin(pair, lookback));
  const seen = new Set((await pairsSeenInRollups(unknown, lookback)).map(pairKey));
  if (windowHour < range.from) for (const pair of await pairsSeenInEvents({ from: windowHour, to: range.from })) seen.add(pairKey(pair));
  const edge = windowHour < range.from ? windowHour + HOUR_MS : range.from;
  const zeros = Array<number>(BASELINE_DAYS).fill(0);
  const found = await Promise.all(
    unknown
      .filter((pair) => !seen.has(pairKey(pair)))
      .map(async (pair) => {
        // Past the raw edge `earliest` is an hour start; one bounded raw read makes it exact.
        const firstSeenAt = pair.earliest < edge ? pair.earliest : ((await firstEventAt(pair.orgId, pair.code, { from: pair.earliest, to: pair.earliest + HOUR_MS })) ?? pair.earliest);
        return toSpike("new_code", pair, window, range, judgeSpike(pair.recent, zeros), firstSeenAt);
      }),
  );
  return found.sort((a, b) => (b.firstSeenAt ?? 0) - (a.firstSeenAt ?? 0) || b.recent - a.recent || pairKey(a).localeCompare(pairKey(b)));
}

/**
 * What is rising now: organization × code pairs whose count in the window ending at `now` is
 * unusually high against the previous 7 days (the same hour on each for 1 hour, whole days for 24;
 * worst first, then newest), and codes an organization produced for the first time in 30 days
 * (newest first). See SPIKE_RULE_TEXT.
 */
export async function findSpikes(window: SpikeWindow, now: number = Date.now()): Promise<SpikeReport> {
  const range = { from: now - SPIKE_WINDOW_MS[window], to: now };
  const pairs = pairActivity(await windowCounts(range));
  const candidates = pairs.filter((pair) => pair.recent >= MIN_COUNT);
  const windows = baselineFor(window, range);
  const baseline = window === "24h" ? await dayBaseline(windows, now) : await hourBaseline(windows, candidates);
  const spikes = (await judgeSpikes(candidates, baseline, window, range))
    .sort((a, b) => b.spike.score - a.spike.score || b.latest - a.latest || pairKey(a.spike).localeCompare(pairKey(b.spike)))
    .map(({ spike }) => spike);
  return { window, evaluatedAt: now, spikes, newCodes: await newCodes(pairs, baseline, window, range) };
}
