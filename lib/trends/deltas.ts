import type { CodeBreakdownRow, StatusMixRow, TimeRange } from "./types";

/** Events of one code with one HTTP status in some range, as the data layer returns them. */
export interface CodeStatusCount {
  code: string;
  httpStatus: number;
  count: number;
}

/** The period of the same length that ends where `range` begins. */
export function previousRange(range: TimeRange): TimeRange {
  return { from: range.from - (range.to - range.from), to: range.from };
}

/** (current − previous) / previous; null when there was nothing before, as no ratio is meaningful. */
export function relativeChange(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}

export function sumCounts(rows: readonly { count: number }[]): number {
  return rows.reduce((sum, row) => sum + row.count, 0);
}

interface CodeTally {
  count: number;
  byStatus: Map<number, number>;
}

function tallyByCode(rows: readonly CodeStatusCount[]): Map<string, CodeTally> {
  const tallies = new Map<string, CodeTally>();
  for (const row of rows) {
    const tally = tallies.get(row.code) ?? { count: 0, byStatus: new Map<number, number>() };
    tally.count += row.count;
    tally.byStatus.set(row.httpStatus, (tally.byStatus.get(row.httpStatus) ?? 0) + row.count);
    tallies.set(row.code, tally);
  }
  return tallies;
}

/** The most frequent status; the lower status wins a tie so answers are stable. */
export function dominantStatus(byStatus: ReadonlyMap<number, number>): number {
  let best: [number, number] = [0, -1];
  for (const [status, count] of byStatus) {
    if (count > best[1] || (count === best[1] && status < best[0])) best = [status, count];
  }
  return best[0];
}

/**
 * One row per code seen in either period, largest first. Codes that disappeared stay in the table
 * (count 0, change −100%), because a code that stopped is as telling as one that started.
 */
export function codeBreakdown(current: readonly CodeStatusCount[], previous: readonly CodeStatusCount[]): CodeBreakdownRow[] {
  const now = tallyByCode(current);
  const before = tallyByCode(previous);
  const total = sumCounts(current);
  const codes = new Set([...now.keys(), ...before.keys()]);
  return [...codes]
    .map((code): CodeBreakdownRow => {
      const count = now.get(code)?.count ?? 0;
      const previousCount = before.get(code)?.count ?? 0;
      const statuses = (count > 0 ? now.get(code) : before.get(code))?.byStatus ?? new Map<number, number>();
      return {
        code,
        httpStatus: dominantStatus(statuses),
        count,
        share: total === 0 ? 0 : count / total,
        previousCount,
        change: relativeChange(count, previousCount),
      };
    })
    .sort((a, b) => b.count - a.count || b.previousCount - a.previousCount || a.code.localeCompare(b.code));
}

/** Events per HTTP status with their share, most frequent first. */
export function statusMix(rows: readonly CodeStatusCount[]): StatusMixRow[] {
  const byStatus = new Map<number, number>();
  for (const row of rows) byStatus.set(row.httpStatus, (byStatus.get(row.httpStatus) ?? 0) + row.count);
  const total = sumCounts(rows);
  return [...byStatus]
    .filter(([, count]) => count > 0)
    .map(([httpStatus, count]) => ({ httpStatus, count, share: count / total }))
    .sort((a, b) => b.count - a.count || a.httpStatus - b.httpStatus);
}
