import { activitySlots, HOUR_MS } from "@/lib/demo/activity";
import { createRandom, deriveSeed, pickWeightedIndex, type Random } from "@/lib/demo/random";
import { buildOrgs, codeShare, pickCode, pickVariant, type BenchOrg, type Variant } from "./orgs";

export interface GenerateOptions {
  seed: number;
  /** End of the window, epoch ms; every event occurs before it. */
  now: number;
  days: number;
  orgs: number;
  /** Baseline events; the injected spike and new code add a little on top. */
  events: number;
}

/** Injected anomalies, so the spike answers have something to find (and to get right). */
export interface Anomalies {
  spike: { orgId: string; code: string; from: number; events: number };
  newCode: { orgId: string; code: string; from: number; events: number };
}

export interface EventRow extends Variant {
  requestId: string;
  orgId: string;
  occurredAt: number;
  receivedAt: number;
}

export interface Generated {
  orgs: BenchOrg[];
  anomalies: Anomalies;
  /** Rows in time order (hour slot by hour slot); a generator so 5 M rows never sit in memory at once. */
  rows: () => Generator<EventRow>;
}

const SPIKE_CODE = "common.quota_exceeded";
const SPIKE_MULTIPLIER = 20;
const SPIKE_WINDOW_MS = 2 * HOUR_MS;
/** A code the catalog does not list and the demo sends rarely: a plausible first appearance. */
const NEW_CODE = "upload.checksum_mismatch";
const NEW_CODE_WINDOW_MS = 45 * 60_000;

/**
 * A 32-bit bijection (xorshift-multiply, every step invertible): distinct counters give distinct
 * outputs, so request ids are unique by construction without a 5-million-entry Set.
 */
function scramble(counter: number): number {
  let x = counter >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

const hex8 = (value: number) => value.toString(16).padStart(8, "0");

/** `req_` + 24 hex: 8 unique (the scrambled counter) then 16 random, so ids spread over the index like real ones. */
function requestIds(random: Random): () => string {
  let counter = 0;
  return () => `req_${hex8(scramble(counter++))}${hex8((random.next() * 0x1_0000_0000) >>> 0)}${hex8((random.next() * 0x1_0000_0000) >>> 0)}`;
}

/** Events of each org per hour slot: every event draws its slot with the org's daily and weekly cycle. */
function slotCounts(org: BenchOrg, random: Random, now: number, days: number): { start: number; counts: Uint32Array } {
  const { start, cumulative } = activitySlots(now, days, org.utcOffset);
  const counts = new Uint32Array(cumulative.length);
  for (let n = 0; n < org.events; n++) {
    counts[pickWeightedIndex(cumulative, random)]! += 1;
  }
  return { start, counts };
}

export function generate(options: GenerateOptions): Generated {
  const { seed, now, days } = options;
  const random = createRandom(deriveSeed(seed, "bench:orgs"));
  // Mid-sized orgs by construction: rank 5 gets the spike, rank 10 the new code.
  const spikeRank = Math.min(4, options.orgs - 1);
  const newCodeRank = Math.min(9, options.orgs - 1);
  const orgs = buildOrgs(random, options.orgs, options.events, now, new Map([[newCodeRank, NEW_CODE]]));
  const spikeOrg = orgs[spikeRank]!;
  const newCodeOrg = orgs[newCodeRank]!;

  const slotRandom = createRandom(deriveSeed(seed, "bench:slots"));
  const slots = orgs.map((org) => slotCounts(org, slotRandom, now, days));
  const slotCount = days * 24;
  const baselinePerHour = (spikeOrg.events * codeShare(spikeOrg, SPIKE_CODE)) / slotCount;
  const anomalies: Anomalies = {
    spike: {
      orgId: spikeOrg.id,
      code: SPIKE_CODE,
      from: now - SPIKE_WINDOW_MS,
      events: Math.max(60, Math.round(SPIKE_MULTIPLIER * baselinePerHour * (SPIKE_WINDOW_MS / HOUR_MS))),
    },
    newCode: { orgId: newCodeOrg.id, code: NEW_CODE, from: now - NEW_CODE_WINDOW_MS, events: 40 },
  };

  function* rows(): Generator<EventRow> {
    const r = createRandom(deriveSeed(seed, "bench:rows"));
    const nextId = requestIds(createRandom(deriveSeed(seed, "bench:ids")));
    // Built field by field: an object spread of the variant costs several µs a row under tsx.
    const row = (org: BenchOrg, code: string, occurredAt: number): EventRow => {
      const v = pickVariant(org, code, r);
      return {
        requestId: nextId(),
        orgId: org.id,
        code: v.code,
        httpStatus: v.httpStatus,
        message: v.message,
        details: v.details,
        occurredAt,
        // Clients report within seconds; received_at is what ingest would stamp.
        receivedAt: occurredAt + Math.floor(r.next() * 5000),
        service: v.service,
        method: v.method,
        path: v.path,
        environment: v.environment,
        catalogFlag: v.catalogFlag,
      };
    };
    for (let k = 0; k < slotCount; k++) {
      for (let o = 0; o < orgs.length; o++) {
        const org = orgs[o]!;
        const { start, counts } = slots[o]!;
        const slotStart = start + k * HOUR_MS;
        for (let n = counts[k]!; n > 0; n--) yield row(org, pickCode(org, r), slotStart + Math.floor(r.next() * HOUR_MS));
      }
    }
    for (const anomaly of [anomalies.spike, anomalies.newCode]) {
      const org = orgs.find((candidate) => candidate.id === anomaly.orgId)!;
      const width = now - anomaly.from;
      for (let n = 0; n < anomaly.events; n++) {
        // Accelerating towards now, like a runaway retry loop.
        yield row(org, anomaly.code, now - 1 - Math.floor(width * (1 - Math.sqrt(r.next()))));
      }
    }
  }

  return { orgs, anomalies, rows };
}
