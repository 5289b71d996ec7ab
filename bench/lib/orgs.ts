import { catalogFlagFor } from "@/lib/catalog";
import { buildEvent } from "@/lib/demo/build-event";
import { buildCodeMix } from "@/lib/demo/code-mix";
import { codeSpecs, type Plan } from "@/lib/demo/codes";
import { ORG_PROFILES, zipfShares, type OrgProfile } from "@/lib/demo/orgs";
import { pickWeightedIndex, type Random } from "@/lib/demo/random";

/** A column-ready event body: everything but the request id and times. */
export interface Variant {
  code: string;
  httpStatus: number;
  message: string;
  details: string;
  service: string;
  method: string;
  path: string;
  environment: "live" | "test";
  catalogFlag: string | null;
}

export interface BenchOrg {
  id: string;
  name: string;
  utcOffset: number;
  /** Baseline events over the whole window (the injected spike and new code come on top). */
  events: number;
  /** Cumulative code weights, parallel to `codes`. */
  cumulative: Float64Array;
  codes: string[];
  /** A few prebuilt bodies per code; events pick one, so rows look like the demo's without building each. */
  variants: Map<string, Variant[]>;
}

const TAIL_OFFSETS = [-8, -6, -5, -3, 0, 0, 1, 1, 2, 5.5, 8, 9, 10];
const PLANS: readonly Plan[] = ["free", "free", "team", "enterprise"];
const VARIANTS_PER_CODE = 6;
/** An older emitter answers some validation failures with 400: keeps the status mix from being one status per code. */
const STATUS_DRIFT = { code: "common.validation_failed", httpStatus: 400, rate: 0.02 };

/** Synthesises a profile past the demo's twelve named ones; the tail gets its own emphasis too. */
function tailProfile(rank: number, random: Random): OrgProfile {
  const emphasis: Record<string, number> = {};
  for (let n = 0; n < 2; n++) emphasis[random.pick(codeSpecs).code] = 2 + 2 * random.next();
  return {
    id: `org_tail_${String(rank).padStart(3, "0")}`,
    name: `Tail Customer ${rank}`,
    plan: random.pick(PLANS),
    utcOffset: random.pick(TAIL_OFFSETS),
    emphasis,
  };
}

function buildVariants(profile: OrgProfile, random: Random, now: number): Map<string, Variant[]> {
  const variants = new Map<string, Variant[]>();
  for (const spec of codeSpecs) {
    const list: Variant[] = [];
    for (let n = 0; n < VARIANTS_PER_CODE; n++) {
      const { event } = buildEvent(random, { spec, org: profile, occurredAt: now, requestId: "req_x", foreignOrgId: "org_other" });
      list.push({
        code: spec.code,
        httpStatus: spec.httpStatus,
        message: event.message ?? spec.code,
        details: JSON.stringify(event.details ?? null),
        service: event.service ?? "registry-api",
        method: event.method ?? "GET",
        path: event.path ?? "/",
        environment: event.environment ?? "live",
        catalogFlag: catalogFlagFor(spec.code, event.details),
      });
    }
    if (spec.code === STATUS_DRIFT.code) list.push({ ...list[0]!, httpStatus: STATUS_DRIFT.httpStatus });
    variants.set(spec.code, list);
  }
  return variants;
}

/** Picks the body of one event: the drifted status for a small share of its code. */
export function pickVariant(org: BenchOrg, code: string, random: Random): Variant {
  const list = org.variants.get(code);
  if (!list) throw new Error(`no variants for ${code}`);
  if (code === STATUS_DRIFT.code && random.chance(STATUS_DRIFT.rate)) return list[list.length - 1]!;
  const plain = code === STATUS_DRIFT.code ? list.length - 1 : list.length;
  return list[Math.floor(random.next() * plain)]!;
}

export function pickCode(org: BenchOrg, random: Random): string {
  const { cumulative, codes } = org;
  return codes[pickWeightedIndex(cumulative, random)]!;
}

/**
 * `count` organizations, largest first, sized by the demo's Zipf law: the demo's twelve named
 * profiles then a synthetic tail. `withheld` maps an org's rank to a code it never sends in the
 * baseline (so that code can appear as new later).
 */
export function buildOrgs(random: Random, count: number, total: number, now: number, withheld: Map<number, string>): BenchOrg[] {
  const shares = zipfShares(total, count);
  return shares.map((events, rank) => {
    const profile = ORG_PROFILES[rank] ?? tailProfile(rank + 1, random);
    const mix = buildCodeMix(profile, random);
    const codes = mix.map((entry) => entry.value.code);
    const cumulative = new Float64Array(mix.length);
    let sum = 0;
    mix.forEach((entry, index) => {
      sum += withheld.get(rank) === entry.value.code ? 0 : entry.weight;
      cumulative[index] = sum;
    });
    return {
      id: profile.id,
      name: profile.name,
      utcOffset: profile.utcOffset,
      events,
      cumulative,
      codes,
      variants: buildVariants(profile, random, now),
    };
  });
}

/** Share of an org's baseline events that carry `code`. */
export function codeShare(org: BenchOrg, code: string): number {
  const index = org.codes.indexOf(code);
  if (index < 0) return 0;
  const weight = (org.cumulative[index] ?? 0) - (index > 0 ? (org.cumulative[index - 1] ?? 0) : 0);
  return weight / (org.cumulative[org.cumulative.length - 1] ?? 1);
}
