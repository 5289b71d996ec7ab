import type { Spike, SpikeReport } from "@/lib/trends/types";

export interface SpikeMatch {
  spike: Spike;
  /** The request lies inside the judged window: it is one of the events that make the spike. */
  includesThis: boolean;
}

/**
 * The spike (or new code) of the request's organization and code in the given reports, if any.
 * One the request belongs to wins over one it does not; then rising counts win over new codes,
 * then the order of the reports (shorter windows first: "now" is most current).
 */
export function matchSpike(reports: readonly SpikeReport[], event: { orgId: string; code: string; occurredAt: number }): SpikeMatch | null {
  const matches = reports
    .flatMap((report) => [...report.spikes, ...report.newCodes])
    .filter((spike) => spike.orgId === event.orgId && spike.code === event.code)
    .map((spike) => ({ spike, includesThis: event.occurredAt >= spike.range.from && event.occurredAt < spike.range.to }));
  const rank = (match: SpikeMatch) => (match.includesThis ? 0 : 2) + (match.spike.kind === "spike" ? 0 : 1);
  // Array.prototype.sort is stable, so equal ranks keep the reports' order.
  return matches.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}
