import { codeSpecs, type CodeSpec } from "./codes";
import type { OrgProfile } from "./orgs";
import type { Random } from "./random";

export interface CodeWeight {
  value: CodeSpec;
  weight: number;
}

/**
 * One organization's code mix: the base weights, the org's own emphasis, and a log-normal jitter
 * so that no two orgs share a mix even where the profile says nothing special about them.
 */
export function buildCodeMix(profile: OrgProfile, random: Random): CodeWeight[] {
  return codeSpecs.map((spec) => ({
    value: spec,
    weight: spec.weight * (profile.emphasis[spec.code] ?? 1) * Math.exp(0.3 * random.normal()),
  }));
}
