import "server-only";

import type { NewEvent } from "./store-events";

const HOUR_MS = 3_600_000;

export interface Rollup {
  orgId: string;
  code: string;
  httpStatus: number;
  hour: number;
  count: number;
}

/**
 * What a group's accepted events add to hourly_rollups and organizations, summed in memory so each
 * rollup and organization is written once per group, whatever the backend.
 */
export class GroupTally {
  readonly rollups = new Map<string, Rollup>();
  /** Organization id -> the time received of its first accepted event in the group. */
  readonly firstSeen = new Map<string, number>();

  add(event: NewEvent, occurredAt: number, receivedAt: number): void {
    const hour = Math.floor(occurredAt / HOUR_MS) * HOUR_MS;
    const key = `${event.orgId}\u0000${event.code}\u0000${event.httpStatus}\u0000${hour}`;
    const rollup = this.rollups.get(key);
    if (rollup) rollup.count += 1;
    else this.rollups.set(key, { orgId: event.orgId, code: event.code, httpStatus: event.httpStatus, hour, count: 1 });
    if (!this.firstSeen.has(event.orgId)) this.firstSeen.set(event.orgId, receivedAt);
  }

  /** Every hour the group's rollups touch (the ones closed-rollups.ts must forget). */
  hours(): Set<number> {
    return new Set(Array.from(this.rollups.values(), (rollup) => rollup.hour));
  }
}

/** An event's stored `occurred_at`: its own, or the time its submission was received. */
export function occurredAtOf(event: NewEvent, receivedAt: number): number {
  return event.occurredAt ?? receivedAt;
}
