import type { IngestEvent } from "@/lib/envelope/event-schema";
import type { CodeSpec, Plan } from "./codes";
import type { Random } from "./random";
import { fillPath, routes, type Route } from "./routes";

/** A generated event: always timed, unlike an ingested one which may default to its arrival. */
export type DemoEvent = IngestEvent & { occurredAt: number };

export interface BuildEventInput {
  spec: CodeSpec;
  org: { id: string; plan: Plan };
  occurredAt: number;
  requestId: string;
  /** Organization named in the URL when the code is about a key used on another org. */
  foreignOrgId: string;
  /** Fixes the endpoint, e.g. the one retry loop behind the spike. */
  route?: Route;
  /** False for events that must match the catalog (the spike). */
  allowOffShape?: boolean;
}

/** Share of traffic from test-environment keys: integration work, a small minority. */
const TEST_ENVIRONMENT_SHARE = 0.04;

export function buildEvent(random: Random, input: BuildEventInput): { event: DemoEvent; offShape: boolean } {
  const { spec, org, occurredAt } = input;
  const context = { orgId: org.id, plan: org.plan, occurredAt };
  const variant = spec.offShape && input.allowOffShape !== false && random.chance(spec.offShape.rate) ? spec.offShape : undefined;
  const body = variant ? variant.build(random, context) : spec.build(random, context);
  const route = input.route ?? random.pick(routes[spec.routes]);
  const pathOrg = spec.foreignOrgInPath ? input.foreignOrgId : org.id;
  const event: DemoEvent = {
    requestId: input.requestId,
    orgId: org.id,
    httpStatus: spec.httpStatus,
    code: spec.code,
    message: body.message,
    details: body.details,
    occurredAt,
    service: variant?.service ?? route.service,
    method: route.method,
    path: fillPath(route.path, pathOrg, random),
    environment: random.chance(TEST_ENVIRONMENT_SHARE) ? "test" : "live",
  };
  return { event, offShape: variant !== undefined };
}
