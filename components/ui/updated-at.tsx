"use client";

import { useClock } from "./use-clock";

/** "Updated 12 s ago" for live panels, so a stale view is never mistaken for a current one. */
export function UpdatedAt({ at, refreshing }: { at: number; refreshing: boolean }) {
  const now = useClock(5_000);
  if (!at) return null;
  const seconds = now === null ? null : Math.max(0, Math.round((now - at) / 1000));
  const ago = seconds === null ? "" : seconds < 60 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago`;
  return (
    <span className="muted">
      {refreshing ? "Refreshing…" : `Updated ${ago}`.trim()}{" "}
      <time dateTime={new Date(at).toISOString()} className="visually-hidden">
        {new Date(at).toISOString()}
      </time>
    </span>
  );
}
