import { bodyMaker, requestIds, type EventPool } from "../../ingest-events";
import type { KnownIds } from "./known-ids";
import type { Operation } from "./mix";

const DAY_MS = 86_400_000;

/** The route each operation exercises, as the report names it. */
export const ROUTES: Readonly<Record<Operation, string>> = {
  batch: "POST /api/v1/events (batch)",
  single: "POST /api/v1/events (single)",
  lookup: "GET /api/v1/events/{request_id}",
  trends: "GET /api/v1/orgs/{org_id}/trends",
  spikes: "GET /api/v1/spikes",
};

export interface PlannedRequest {
  operation: Operation;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Events in the body (ingest only). */
  events: number;
  /** The single event's request id: once acknowledged, lookups may ask for it. */
  id?: string;
}

export interface TrafficOptions {
  pool: EventPool;
  ingestKey: string;
  readKey: string;
  knownIds: KnownIds;
  /** Organizations with 30 days of seeded history, for trend reads. */
  orgIds: readonly string[];
  batchSize: number;
}

/**
 * Builds the next request of an operation. Ingest sends the demo generator's events (catalogued
 * codes with their details, a few off-shape) under fresh ids, so every acknowledged event is a new
 * row. Reads vary what they ask for the way the dashboard does: trends rotate over the seeded
 * organizations with the 30-day view by hour and by day (by day is what /orgs/{id} shows for 30
 * days, by hour is the largest answer), spikes alternate their 1 h and 24 h windows.
 */
export function trafficPlanner(options: TrafficOptions): (operation: Operation) => PlannedRequest {
  const { pool, knownIds, orgIds, batchSize } = options;
  const ingest = { authorization: `Bearer ${options.ingestKey}`, "content-type": "application/json" };
  const read = { authorization: `Bearer ${options.readKey}` };
  const batchBody = bodyMaker(pool, "loadb", batchSize, "json");
  const singleId = requestIds("loads");
  let singleCursor = 0;
  let trendTurn = 0;
  let spikeTurn = 0;

  return (operation) => {
    switch (operation) {
      case "batch":
        return { operation, method: "POST", path: "/api/v1/events", headers: ingest, body: batchBody(), events: batchSize };
      case "single": {
        const id = singleId();
        return { operation, method: "POST", path: "/api/v1/events", headers: ingest, body: pool.wire(singleCursor++, id), events: 1, id };
      }
      case "lookup":
        return { operation, method: "GET", path: `/api/v1/events/${encodeURIComponent(knownIds.pick())}`, headers: read, events: 0 };
      case "trends": {
        const org = orgIds[trendTurn % orgIds.length]!;
        const bucket = Math.floor(trendTurn / orgIds.length) % 2 === 0 ? "day" : "hour";
        trendTurn += 1;
        const to = Date.now();
        const query = `from=${to - 30 * DAY_MS}&to=${to}&bucket=${bucket}`;
        return { operation, method: "GET", path: `/api/v1/orgs/${encodeURIComponent(org)}/trends?${query}`, headers: read, events: 0 };
      }
      case "spikes":
        return { operation, method: "GET", path: `/api/v1/spikes?window=${spikeTurn++ % 2 === 0 ? "1h" : "24h"}`, headers: read, events: 0 };
    }
  };
}
