import type { Plan } from "./codes";

/** A simulated customer organization of the registration API. */
export interface OrgProfile {
  id: string;
  name: string;
  plan: Plan;
  /** Offset from UTC in hours; the org's traffic peaks during its local working day. */
  utcOffset: number;
  /** Multipliers on the base code mix: what this org in particular gets wrong. */
  emphasis: Readonly<Record<string, number>>;
}

/**
 * Listed from the largest to the smallest; `--orgs N` takes the first N. The third one (a free-plan
 * label hammering its quota) is where the demo puts its spike, so it is mid-sized by construction.
 */
export const ORG_PROFILES: readonly OrgProfile[] = [
  {
    id: "org_acme_music",
    name: "Acme Music Group",
    plan: "enterprise",
    utcOffset: -5,
    emphasis: { "common.validation_failed": 1.6, "api_key.scope_denied": 1.4, "registration.dry_run_failed": 1.3 },
  },
  {
    id: "org_soundwave_dist",
    name: "Soundwave Distribution",
    plan: "enterprise",
    utcOffset: 1,
    emphasis: { "registration.audio_too_large": 4, "registration.upload_session_not_found": 2.5, "common.service_unavailable": 1.5 },
  },
  {
    id: "org_bandcraft",
    name: "Bandcraft",
    plan: "free",
    utcOffset: 0,
    emphasis: { "common.quota_exceeded": 2.5, "common.forbidden": 2, "api_key.invalid_format": 1.5 },
  },
  {
    id: "org_lumen_records",
    name: "Lumen Records",
    plan: "team",
    utcOffset: -8,
    emphasis: { "registration.dry_run_failed": 3, "registration.prepared_not_found": 2 },
  },
  {
    id: "org_northstar_pub",
    name: "Northstar Publishing",
    plan: "team",
    utcOffset: 10,
    emphasis: { "api_key.not_found": 3, "api_key.revoked": 4, "common.unauthorized": 0.5 },
  },
  {
    id: "org_kiwi_beats",
    name: "Kiwi Beats",
    plan: "free",
    utcOffset: 12,
    emphasis: { "registration.creators_required": 3, "registration.title_required": 2.5, "common.quota_exceeded": 1.5 },
  },
  {
    id: "org_tokyo_sound_lab",
    name: "Tokyo Sound Lab",
    plan: "team",
    utcOffset: 9,
    emphasis: { "api_key.org_mismatch": 4, "registration.upload_session_forbidden": 3 },
  },
  {
    id: "org_rio_collective",
    name: "Rio Collective",
    plan: "free",
    utcOffset: -3,
    emphasis: { "api_key.invalid_format": 3, "common.unauthorized": 2, "common.bad_request": 2 },
  },
  {
    id: "org_polar_audio",
    name: "Polar Audio",
    plan: "team",
    utcOffset: 2,
    emphasis: { "registration.audio_empty": 4, "upload.checksum_mismatch": 3 },
  },
  {
    id: "org_cedar_studios",
    name: "Cedar Studios",
    plan: "free",
    utcOffset: -6,
    emphasis: { "api_key.limit_reached": 5, "api_key.unknown_scope": 3 },
  },
  {
    id: "org_maple_media",
    name: "Maple Media",
    plan: "team",
    utcOffset: -5,
    emphasis: { "common.not_found": 2.5, "registration.isrc_conflict": 4 },
  },
  {
    id: "org_indigo_label",
    name: "Indigo Label",
    plan: "free",
    utcOffset: 5.5,
    emphasis: { "api_key.webhook_url_invalid": 4, "common.validation_failed": 1.5 },
  },
];

export const MAX_ORGS = ORG_PROFILES.length;

/**
 * Splits `total` events over `count` orgs by a Zipf law (rank^-1.3): a handful of large customers
 * and a long tail, as real API traffic looks. Rounds so the shares add up to exactly `total`.
 */
export function zipfShares(total: number, count: number, exponent = 1.3): number[] {
  const weights = Array.from({ length: count }, (_, rank) => (rank + 1) ** -exponent);
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((weight) => Math.floor((total * weight) / sum));
  const leftover = total - shares.reduce((a, b) => a + b, 0);
  shares[0] = (shares[0] ?? 0) + leftover;
  return shares;
}
