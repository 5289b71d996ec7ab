import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import type { Spike } from "@/lib/trends/types";

const HOUR_MS = 3_600_000;
/** How much history the chart shows around a spike, so the rise stands out against what came before. */
const CHART_CONTEXT_MS = { "1h": 24 * HOUR_MS, "24h": 7 * 24 * HOUR_MS } as const;

function windowLabel(spike: Spike): string {
  return spike.window === "1h" ? "in the last hour" : "in the last 24 hours";
}

export function chartHref(spike: Spike): string {
  const params = new URLSearchParams({
    range: "custom",
    from: new Date(spike.range.to - CHART_CONTEXT_MS[spike.window]).toISOString(),
    to: new Date(spike.range.to).toISOString(),
    bucket: "hour",
  });
  return `/orgs/${encodeURIComponent(spike.orgId)}?${params}`;
}

export function eventsHref(spike: Spike): string {
  const params = new URLSearchParams({
    code: spike.code,
    from: new Date(spike.range.from).toISOString(),
    to: new Date(spike.range.to).toISOString(),
  });
  return `/orgs/${encodeURIComponent(spike.orgId)}/events?${params}`;
}

/** Spikes or new codes, each with the numbers that make it one and links to its chart and requests. */
export function SpikeList({ spikes, empty }: { spikes: Spike[]; empty: string }) {
  if (spikes.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="result-list">
      {spikes.map((spike) => (
        <li key={`${spike.kind}:${spike.orgId}:${spike.code}`}>
          <StatusBadge status={spike.httpStatus} />
          <span>
            <code>{spike.code}</code>: <strong>{spike.recent.toLocaleString("en")}</strong> {windowLabel(spike)}
            {spike.kind === "spike" ? (
              <span className="muted">
                , typical {Math.round(spike.expected).toLocaleString("en")} ± {Math.round(spike.spread).toLocaleString("en")}
              </span>
            ) : (
              <span className="muted">, not seen from this organization in the previous 30 days</span>
            )}
          </span>
          <span className="muted">{spike.orgId}</span>
          <Link href={chartHref(spike)}>Open chart</Link>
          <Link href={eventsHref(spike)}>See requests</Link>
        </li>
      ))}
    </ul>
  );
}
