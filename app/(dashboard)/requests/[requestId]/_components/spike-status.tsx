import Link from "next/link";
import { chartHref as spikeChartHref, eventsHref as spikeEventsHref } from "@/app/(dashboard)/spikes/_components/spike-list";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { formatCount } from "@/lib/catalog/format";
import type { SpikeMatch } from "@/lib/request-context/spike-match";
import type { Spike, SpikeWindow } from "@/lib/trends/types";

const WINDOW_WORDS: Record<SpikeWindow, string> = { "1h": "the last hour", "24h": "the last 24 hours" };

function SpikeLinks({ spike }: { spike: Spike }) {
  return (
    <p>
      <Link href={spikeChartHref(spike)}>Open the chart</Link> · <Link href={spikeEventsHref(spike)}>See its requests</Link>
    </p>
  );
}

function Rising({ match }: { match: SpikeMatch }) {
  const { spike } = match;
  const typical = `${formatCount(Math.round(spike.expected))} ± ${formatCount(Math.round(spike.spread))}`;
  return (
    <>
      <p>
        <Badge tone="danger">{match.includesThis ? "Part of a current spike" : "Spiking now"}</Badge>{" "}
        <strong>{formatCount(spike.recent)}</strong> of these in {WINDOW_WORDS[spike.window]} from this organization; typically {typical}.
        {match.includesThis ? null : " This request came before that window."}
      </p>
      <SpikeLinks spike={spike} />
    </>
  );
}

function NewCode({ match }: { match: SpikeMatch }) {
  const { spike } = match;
  return (
    <>
      <p>
        <Badge tone="warning">New for this organization</Badge> first seen{" "}
        {spike.firstSeenAt === null ? "recently" : <LocalTime ms={spike.firstSeenAt} />}, after none in the 30 days before;{" "}
        <strong>{formatCount(spike.recent)}</strong> in {WINDOW_WORDS[spike.window]}.
      </p>
      <SpikeLinks spike={spike} />
    </>
  );
}

/** Whether the request belongs to something rising right now, in the words and links of /spikes. */
export function SpikeStatus({ match, checked }: { match: SpikeMatch | null; checked: readonly SpikeWindow[] }) {
  if (match) return match.spike.kind === "spike" ? <Rising match={match} /> : <NewCode match={match} />;
  return (
    <p>
      <Badge tone="ok">No current spike</Badge> this code is not rising for this organization in {checked.map((w) => WINDOW_WORDS[w]).join(" or ")}.{" "}
      <Link href="/spikes">All spikes</Link>
    </p>
  );
}
