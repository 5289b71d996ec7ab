import type { NeighbourEvent, NeighbourWindow } from "@/db/queries/event-context";

/** One row of the "around this request" list: an event and how far it is from the request. */
export interface TimelineEntry extends NeighbourEvent {
  /** Milliseconds from the request (negative: before it). */
  offsetMs: number;
  isThis: boolean;
}

/** The neighbours in time order with the request itself in its place, so the list reads as a timeline. */
export function toTimeline(self: NeighbourEvent, window: Pick<NeighbourWindow, "earlier" | "later">): TimelineEntry[] {
  // Fields picked one by one: `self` is usually a whole stored event, details and all.
  const entry = ({ requestId, code, httpStatus, occurredAt }: NeighbourEvent, isThis: boolean): TimelineEntry => ({
    requestId,
    code,
    httpStatus,
    occurredAt,
    offsetMs: occurredAt - self.occurredAt,
    isThis,
  });
  return [...[...window.earlier].reverse().map((event) => entry(event, false)), entry(self, true), ...window.later.map((event) => entry(event, false))];
}

/** "5 min before", "40 s after", "same moment": distances within the ±15-minute window, rounded. */
export function describeOffset(offsetMs: number): string {
  const distance = Math.abs(offsetMs);
  if (distance < 1000) return "same moment";
  const side = offsetMs < 0 ? "before" : "after";
  if (distance < 60_000) return `${Math.round(distance / 1000)} s ${side}`;
  return `${Math.round(distance / 60_000)} min ${side}`;
}
