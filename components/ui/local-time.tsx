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
export function LocalTime({ ms, relative = true }: { ms: number; relative?: boolean }) {
  const now = useClock();
  const absolute = now === null ? utcLabel(ms) : format(ms, "d MMM yyyy, HH:mm:ss (zzz)");
  const ago = now === null ? null : formatDistanceStrict(ms, Math.max(now, ms), { addSuffix: true });
  return (
    <time dateTime={new Date(ms).toISOString()} title={utcLabel(ms)}>
      {relative && ago ? `${ago} · ` : ""}
      {absolute}
    </time>
  );
}
