import { activitySlots, HOUR_MS, sampleTime } from "./activity";
import { buildEvent, type DemoEvent } from "./build-event";
import { buildCodeMix } from "./code-mix";
import { codeSpec } from "./codes";
import { ORG_PROFILES, zipfShares, type OrgProfile } from "./orgs";
import { createRandom, deriveSeed, requestIdSource, type Random } from "./random";
import { routes } from "./routes";

export interface TrafficOptions {
  seed: number;
  /** End of the window (epoch ms); every event occurs before it. */
  now: number;
  days: number;
  orgs: number;
  /** Baseline events across all orgs; the spike comes on top. */
  events: number;
}

export const DEFAULT_TRAFFIC: Omit<TrafficOptions, "now"> = { seed: 42, days: 30, orgs: 8, events: 50_000 };

export const SPIKE_CODE = "common.quota_exceeded";
/** The spike sits inside the last 3 hours, where "rising now" views look. */
export const SPIKE_WINDOW_MS = 2.5 * HOUR_MS;
const SPIKE_MULTIPLIER = 20;
const MIN_SPIKE_EVENTS = 30;

export interface OrgTraffic {
  id: string;
  name: string;
  plan: OrgProfile["plan"];
  events: number;
}

export interface SpikeSummary {
  orgId: string;
  code: string;
  events: number;
  from: number;
  to: number;
  /** The org+code's average hourly count over the whole window, before the spike. */
  baselinePerHour: number;
}

export interface DemoTraffic {
  /** Sorted by occurrence time. */
  events: DemoEvent[];
  orgs: OrgTraffic[];
  spike: SpikeSummary;
  /** Events deliberately sent with details that do not match the catalog's shape. */
  offShapeRequestIds: ReadonlySet<string>;
}

/** Where the spike goes: the third-largest org (mid-sized among the default eight). */
export function spikeOrgIndex(orgCount: number): number {
  return Math.min(2, orgCount - 1);
}

function foreignOrg(random: Random, own: string): string {
  return random.pick(ORG_PROFILES.filter((profile) => profile.id !== own)).id;
}

/**
 * Realistic error traffic for `orgs` organizations over the `days` before `now`. Pure: the same
 * options give the same events. Counts, codes, details and request ids depend only on the seed and
 * the sizes, not on `now`, so a later run with the same seed produces the same ids and stores
 * nothing new.
 */
export function generateTraffic(options: TrafficOptions): DemoTraffic {
  const { seed, now, days } = options;
  const profiles = ORG_PROFILES.slice(0, options.orgs);
  const shares = zipfShares(options.events, profiles.length);
  const nextRequestId = requestIdSource(createRandom(deriveSeed(seed, "request-ids")));
  const events: DemoEvent[] = [];
  const offShape = new Set<string>();
  const spikeOrg = profiles[spikeOrgIndex(profiles.length)];
  if (!spikeOrg) throw new Error("at least one organization is needed");
  let spikeOrgBaseline = 0;

  profiles.forEach((profile, index) => {
    const random = createRandom(deriveSeed(seed, `org:${profile.id}`));
    const mix = buildCodeMix(profile, random);
    const slots = activitySlots(now, days, profile.utcOffset);
    for (let n = 0; n < (shares[index] ?? 0); n++) {
      const spec = random.weighted(mix);
      const built = buildEvent(random, {
        spec,
        org: profile,
        occurredAt: sampleTime(random, slots),
        requestId: nextRequestId(),
        foreignOrgId: foreignOrg(random, profile.id),
      });
      events.push(built.event);
      if (built.offShape) offShape.add(built.event.requestId);
      if (profile === spikeOrg && spec.code === SPIKE_CODE) spikeOrgBaseline++;
    }
  });

  const baselinePerHour = spikeOrgBaseline / (days * 24);
  const spikeEvents = Math.max(MIN_SPIKE_EVENTS, Math.round(SPIKE_MULTIPLIER * baselinePerHour * (SPIKE_WINDOW_MS / HOUR_MS)));
  const random = createRandom(deriveSeed(seed, "spike"));
  // One runaway retry loop on one endpoint, accelerating towards now.
  const route = routes.prepare[0];
  let earliest = now;
  for (let n = 0; n < spikeEvents; n++) {
    const occurredAt = now - 1 - Math.floor(SPIKE_WINDOW_MS * (1 - Math.sqrt(random.next())));
    earliest = Math.min(earliest, occurredAt);
    const spec = codeSpec(SPIKE_CODE);
    const { event } = buildEvent(random, {
      spec,
      org: spikeOrg,
      occurredAt,
      requestId: nextRequestId(),
      foreignOrgId: spikeOrg.id,
      route,
      allowOffShape: false,
    });
    events.push({ ...event, environment: "live" });
  }

  events.sort((a, b) => a.occurredAt - b.occurredAt || (a.requestId < b.requestId ? -1 : 1));
  return {
    events,
    orgs: profiles.map((profile, index) => ({
      id: profile.id,
      name: profile.name,
      plan: profile.plan,
      events: (shares[index] ?? 0) + (profile === spikeOrg ? spikeEvents : 0),
    })),
    spike: { orgId: spikeOrg.id, code: SPIKE_CODE, events: spikeEvents, from: earliest, to: now, baselinePerHour },
    offShapeRequestIds: offShape,
  };
}
