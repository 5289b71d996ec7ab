"use client";

import { format, formatDistanceStrict } from "date-fns";
import { useClock } from "./use-clock";

function utcLabel(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/**
 * A moment in the reader's own time zone, with UTC on hover. The server renders UTC (it cannot
 * know the agent's zone); the browser renders local time and how long ago.
 */
export function LocalTime({ ms, relative = true, compact = false }: { ms: number; relative?: boolean; compact?: boolean }) {
  const now = useClock();
  const absolute = now === null ? utcLabel(ms) : format(ms, "d MMM yyyy, HH:mm:ss (zzz)");
  const ago = now === null ? null : formatDistanceStrict(ms, Math.max(now, ms), { addSuffix: true });
  // Compact (for lists): only how long ago, the local and UTC times on hover.
  if (compact) {
    return (
      <time dateTime={new Date(ms).toISOString()} title={ago ? `${absolute} · ${utcLabel(ms)}` : utcLabel(ms)}>
        {ago ?? absolute}
      </time>
    );
  }
  return (
    <time dateTime={new Date(ms).toISOString()} title={utcLabel(ms)}>
      {relative && ago ? `${ago} · ` : ""}
      {absolute}
    </time>
  );
}
