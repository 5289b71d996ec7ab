import type { Random } from "../random";
import type { RouteGroup } from "../routes";

export type Plan = "free" | "team" | "enterprise";

/** What a details builder may depend on besides randomness. */
export interface EventContext {
  orgId: string;
  plan: Plan;
  occurredAt: number;
}

export interface EnvelopeBody {
  message: string;
  details: Record<string, unknown>;
}

/** How the demo emits one error code. */
export interface CodeSpec {
  code: string;
  httpStatus: number;
  /** Relative frequency before an organization's own emphasis is applied. */
  weight: number;
  routes: RouteGroup;
  /** org_mismatch means the URL names an organization other than the key's. */
  foreignOrgInPath?: true;
  build(random: Random, context: EventContext): EnvelopeBody;
  /**
   * A rare variant from an older emitter whose details do not match the catalog's shape, so the
   * dashboard has flagged events to show. `rate` is the share of this code's events.
   */
  offShape?: { rate: number; service: string; build(random: Random, context: EventContext): EnvelopeBody };
}

/** Customer-API scopes (not Errata's): the demo org's keys are scoped per resource. */
export const API_SCOPES = ["registrations:write", "registrations:read", "uploads:write", "works:read", "keys:manage"] as const;
