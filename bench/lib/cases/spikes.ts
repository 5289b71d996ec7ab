import { baselineFor, baselineSamples, judgeSpike, MIN_COUNT, NEW_CODE_LOOKBACK_MS } from "@/lib/trends/spike-rule";
import { findSpikes } from "@/lib/trends/spikes";
import type { Spike, SpikeReport, SpikeWindow, TimeRange } from "@/lib/trends/types";
import { summarize } from "../measure";
import { HOUR, type RawQueries } from "../raw";
import type { Case } from "./case";

const WINDOW_MS: Record<SpikeWindow, number> = { "1h": HOUR, "24h": 24 * HOUR };
const round = (value: number) => Math.round(value * 100) / 100;
const floorHour = (t: number) => t - (t % HOUR);
const ceilHour = (t: number) => floorHour(t + HOUR - 1);

interface Pair {
  orgId: string;
  code: string;
  recent: number;
  first: number;
  byStatus: Map<number, number>;
}

/** The fields a spike answer must get right: its numbers (rounded as the API shows them) and status. */
function describe(spike: Pick<Spike, "recent" | "expected" | "spread" | "score" | "httpStatus" | "firstSeenAt">): string {
  return `recent ${spike.recent}, expected ${spike.expected}, spread ${spike.spread}, score ${spike.score}, status ${spike.httpStatus}, first ${spike.firstSeenAt}`;
}

function dominant(byStatus: Map<number, number>): number {
  let best = [0, -1] as [number, number];
  for (const [status, n] of byStatus) if (n > best[1] || (n === best[1] && status < best[0])) best = [status, n];
  return best[0];
}

interface RawSpikes {
  spikes: Map<string, string>;
  newCodes: Map<string, string>;
}

/**
 * Per baseline window, a pair's count from raw events. The 1-hour window's baseline is an estimate:
 * each touched hour's full count weighted by its overlap, exactly as the rollup estimate is (so the
 * answers can be compared digit for digit). The 24-hour window's baseline is whole UTC days, exact.
 */
function rawBaseline(raw: RawQueries, window: SpikeWindow, windows: readonly TimeRange[]): (orgId: string, code: string) => number[] {
  const oldest = windows[windows.length - 1]!;
  if (window === "24h") {
    const daily = new Map<string, number>();
    for (const row of raw.allOrgsDaily({ from: oldest.from, to: windows[0]!.to })) daily.set(`${row.orgId} ${row.code} ${row.t}`, row.n);
    return (orgId, code) => windows.map((day) => daily.get(`${orgId} ${code} ${day.from}`) ?? 0);
  }
  const hourly = new Map<string, number>();
  for (const w of windows) {
    for (const row of raw.allOrgsHourly({ from: floorHour(w.from), to: ceilHour(w.to) })) hourly.set(`${row.orgId} ${row.code} ${row.t}`, row.n);
  }
  return (orgId, code) =>
    windows.map((w) => {
      let weighted = 0;
      for (let hour = floorHour(w.from); hour < w.to; hour += HOUR) {
        weighted += (hourly.get(`${orgId} ${code} ${hour}`) ?? 0) * (Math.min(hour + HOUR, w.to) - Math.max(hour, w.from));
      }
      return (weighted * 1.0) / HOUR;
    });
}

/**
 * (b) The spike check from raw events: exact counts per org×code in the window; the baseline per
 * window (rawBaseline); each organization's first event; and the 30-day lookback for new codes as
 * one GROUP BY org, code. The pure rule (judgeSpike and its windows) is the app's own.
 */
function rawSpikes(raw: RawQueries, window: SpikeWindow, now: number, parts: Record<string, number[]>): RawSpikes {
  const range: TimeRange = { from: now - WINDOW_MS[window], to: now };
  let started = performance.now();
  const pairs = new Map<string, Pair>();
  for (const row of raw.windowCounts(range)) {
    const key = `${row.orgId} ${row.code}`;
    const pair = pairs.get(key) ?? { orgId: row.orgId, code: row.code, recent: 0, first: Infinity, byStatus: new Map() };
    pair.recent += row.n;
    pair.first = Math.min(pair.first, row.first);
    pair.byStatus.set(row.httpStatus, (pair.byStatus.get(row.httpStatus) ?? 0) + row.n);
    pairs.set(key, pair);
  }
  const windows = baselineFor(window, range);
  const countsOf = rawBaseline(raw, window, windows);
  const historyStarts = new Map<string, number>();
  const spikes = new Map<string, string>();
  for (const pair of pairs.values()) {
    if (pair.recent < MIN_COUNT) continue;
    if (!historyStarts.has(pair.orgId)) {
      const first = raw.orgFirstEvent(pair.orgId);
      historyStarts.set(pair.orgId, first === null ? Infinity : floorHour(first));
    }
    const judged = judgeSpike(pair.recent, baselineSamples(windows, countsOf(pair.orgId, pair.code), historyStarts.get(pair.orgId)!));
    if (!judged.isSpike) continue;
    const spike = { recent: pair.recent, expected: round(judged.expected), spread: round(judged.spread), score: round(judged.score) };
    spikes.set(`${pair.orgId} ${pair.code}`, describe({ ...spike, httpStatus: dominant(pair.byStatus), firstSeenAt: null }));
  }
  parts.window!.push(performance.now() - started);

  started = performance.now();
  const seen = new Set(raw.pairsSeen({ from: ceilHour(range.from - NEW_CODE_LOOKBACK_MS), to: range.from }).map((p) => `${p.orgId} ${p.code}`));
  const newCodes = new Map<string, string>();
  for (const [key, pair] of pairs) {
    if (seen.has(key)) continue;
    const judged = judgeSpike(pair.recent, new Array<number>(windows.length).fill(0));
    newCodes.set(key, describe({ recent: pair.recent, expected: round(judged.expected), spread: round(judged.spread), score: round(judged.score), httpStatus: dominant(pair.byStatus), firstSeenAt: pair.first }));
  }
  parts.lookback!.push(performance.now() - started);
  return { spikes, newCodes };
}

export function spikesCase(raw: RawQueries, window: SpikeWindow, now: number, injected: string[]): Case<SpikeReport, RawSpikes> {
  const parts: Record<string, number[]> = { window: [], lookback: [] };
  return {
    answer: `findSpikes("${window}") (/api/v1/spikes)`,
    service: () => findSpikes(window, now),
    raw: () => rawSpikes(raw, window, now, parts),
    check(report, expected, checker) {
      const asMap = (list: Spike[]) => new Map(list.map((spike) => [`${spike.orgId} ${spike.code}`, describe(spike)]));
      const compare = (label: string, actual: Map<string, string>, wanted: Map<string, string>) => {
        const keys = new Set([...actual.keys(), ...wanted.keys()]);
        const diffs = [...keys].filter((key) => actual.get(key) !== wanted.get(key));
        const shown = diffs.slice(0, 4).map((key) => `${key}: service {${actual.get(key) ?? "absent"}} raw {${wanted.get(key) ?? "absent"}}`);
        if (diffs.length > 0) checker.fail(`${window} ${label}: ${diffs.length} of ${keys.size} differ, e.g. ${shown.join("; ")}`);
      };
      compare("spikes", asMap(report.spikes), expected.spikes);
      compare("new codes", asMap(report.newCodes), expected.newCodes);
      const sorted = report.spikes.every((spike, index) => index === 0 || report.spikes[index - 1]!.score >= spike.score);
      checker.equal(`${window} spikes worst first`, sorted, true);
      // The generator injects one spike and one new code; the answer must contain them.
      for (const key of injected) {
        const found = report.spikes.some((s) => `${s.orgId} ${s.code}` === key) || report.newCodes.some((s) => `${s.orgId} ${s.code}` === key);
        checker.equal(`${window} finds the injected ${key}`, found, true);
      }
    },
    notes: () => {
      const window_ = summarize(parts.window!).median;
      const lookback = summarize(parts.lookback!).median;
      return [
        `  raw findSpikes("${window}"): ${window_.toFixed(0)} ms for the window and its ${window === "24h" ? "7 baseline days" : "7 baseline windows"}, ` +
          `${lookback.toFixed(0)} ms for the 30-day new-code lookback (medians)`,
      ];
    },
  };
}
