"use client";

import { useSyncExternalStore } from "react";

let clockNow = Date.now();

/** A shared clock: every relative time on the page moves on together, with one timer per subscriber set. */
function subscribe(tickMs: number) {
  return (onTick: () => void) => {
    clockNow = Date.now();
    const timer = setInterval(() => {
      clockNow = Date.now();
      onTick();
    }, tickMs);
    return () => clearInterval(timer);
  };
}

const subscribers = new Map<number, (onTick: () => void) => () => void>();

/**
 * The current time, refreshed every `tickMs`; null during server rendering, which cannot know the
 * reader's clock or time zone.
 */
export function useClock(tickMs = 30_000): number | null {
  let subscribeAt = subscribers.get(tickMs);
  if (!subscribeAt) {
    subscribeAt = subscribe(tickMs);
    subscribers.set(tickMs, subscribeAt);
  }
  return useSyncExternalStore(
    subscribeAt,
    () => clockNow,
    () => null,
  );
}
