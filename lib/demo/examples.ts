import { findCatalogEntry } from "@/lib/catalog";
import type { DemoEvent } from "./build-event";
import type { DemoTraffic } from "./generate-traffic";

export interface ExampleRequest {
  requestId: string;
  code: string;
  orgId: string;
  note: string;
}

/**
 * A handful of request ids worth pasting into the search box: the spike, codes whose details
 * make rich explanations, an uncatalogued code and an off-shape event. Newest first, so they are
 * also near the top of the dashboard's lists.
 */
export function exampleRequests(traffic: DemoTraffic): ExampleRequest[] {
  const newestFirst = [...traffic.events].reverse();
  const find = (test: (event: DemoEvent) => boolean) => newestFirst.find(test);
  const picks: [DemoEvent | undefined, string][] = [
    [find((e) => e.orgId === traffic.spike.orgId && e.code === traffic.spike.code), "part of the spike"],
    [find((e) => e.code === "registration.audio_too_large" && !traffic.offShapeRequestIds.has(e.requestId)), "sizes in details"],
    [find((e) => e.code === "registration.dry_run_failed" && !traffic.offShapeRequestIds.has(e.requestId)), "reason in details"],
    [find((e) => e.code === "api_key.scope_denied" && !traffic.offShapeRequestIds.has(e.requestId)), "required scope in details"],
    [find((e) => !findCatalogEntry(e.code)), "code not in the catalog"],
    [find((e) => traffic.offShapeRequestIds.has(e.requestId)), "details do not match the catalog"],
  ];
  return picks.flatMap(([event, note]) => (event ? [{ requestId: event.requestId, code: event.code, orgId: event.orgId, note }] : []));
}
