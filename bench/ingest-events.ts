import type { NewEvent } from "@/db/queries/events";
import { catalogFlagFor } from "@/lib/catalog";
import { generateTraffic } from "@/lib/demo/generate-traffic";

/*
 * Realistic events for the ingest benchmark: the demo's traffic (real catalog codes and details
 * shapes, a few off-shape ones, eight organizations) recycled with fresh request ids, so every
 * request stores new rows and no phase is flattered by duplicates.
 */

const POOL_SIZE = 5_000;

/** One pool event as wire JSON split around its request id, so a body costs string joins only. */
interface WireTemplate {
  before: string;
  after: string;
}

export interface EventPool {
  size: number;
  /** The wire JSON of pool event `index` under request id `id`. */
  wire(index: number, id: string): string;
  /** The stored form of pool event `index` (what validation and the catalog make of it) under `id`. */
  stored(index: number, id: string): NewEvent;
}

/** A 32-bit bijection: distinct counters give distinct, well-spread ids (random-looking, like real ones). */
function scramble(counter: number): number {
  let x = counter >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** Unique request ids for one phase: the tag keeps phases apart, the scrambled counter spreads them over the index. */
export function requestIds(tag: string): () => string {
  let counter = 0;
  return () => `req_${tag}_${scramble(counter++).toString(16).padStart(8, "0")}`;
}

export function buildEventPool(now: number): EventPool {
  const { events } = generateTraffic({ seed: 7, now, days: 1, orgs: 8, events: POOL_SIZE });
  const marker = "\u0000id\u0000";
  const templates: WireTemplate[] = events.map((event) => {
    const json = JSON.stringify({
      request_id: marker,
      org_id: event.orgId,
      http_status: event.httpStatus,
      code: event.code,
      message: event.message,
      details: event.details,
      occurred_at: new Date(event.occurredAt).toISOString(),
      service: event.service,
      method: event.method,
      path: event.path,
      environment: event.environment,
    });
    const [before = "", after = ""] = json.split(JSON.stringify(marker));
    return { before: `${before}"`, after: `"${after}` };
  });
  const flags = events.map((event) => catalogFlagFor(event.code, event.details));
  return {
    size: events.length,
    wire: (index, id) => {
      const template = templates[index % templates.length]!;
      return template.before + id + template.after;
    },
    stored: (index, id) => {
      const n = index % events.length;
      return { ...events[n]!, requestId: id, catalogFlag: flags[n] ?? null };
    },
  };
}

export type BodyFormat = "json" | "ndjson";

/** Builds request bodies of `size` fresh events each, cycling through the pool. */
export function bodyMaker(pool: EventPool, tag: string, size: number, format: BodyFormat | "single"): () => string {
  const nextId = requestIds(tag);
  let cursor = 0;
  return () => {
    const lines: string[] = [];
    for (let n = 0; n < size; n++) lines.push(pool.wire(cursor++, nextId()));
    if (format === "ndjson") return lines.join("\n");
    if (format === "single") return lines[0] ?? "";
    return `{"events":[${lines.join(",")}]}`;
  };
}
