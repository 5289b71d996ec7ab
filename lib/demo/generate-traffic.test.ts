import { describe, expect, it } from "vitest";
import { catalogEntries, checkDetails, findCatalogEntry } from "@/lib/catalog";
import { parseEvent } from "@/lib/envelope/event-schema";
import { DAY_MS, HOUR_MS } from "./activity";
import { DEFAULT_TRAFFIC, generateTraffic, SPIKE_CODE, type TrafficOptions } from "./generate-traffic";
import { zipfShares } from "./orgs";

// A Wednesday afternoon; fixed so the test does not depend on when it runs.
const NOW = Date.UTC(2026, 2, 18, 15, 20, 7);
const options: TrafficOptions = { ...DEFAULT_TRAFFIC, now: NOW };
const traffic = generateTraffic(options);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

describe("generateTraffic", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const again = generateTraffic(options);
    expect(again.events).toEqual(traffic.events);
    const other = generateTraffic({ ...options, seed: 7 });
    expect(other.events[0]?.requestId).not.toBe(traffic.events[0]?.requestId);
  });

  it("gives the same request ids when run again later, so a second run stores nothing new", () => {
    const later = generateTraffic({ ...options, now: NOW + 5 * HOUR_MS + 123 });
    const ids = (list: typeof traffic.events) => list.map((event) => event.requestId).sort();
    expect(ids(later.events)).toEqual(ids(traffic.events));
  });

  it("produces unique, well-formed request ids", () => {
    const ids = traffic.events.map((event) => event.requestId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{24}$/);
  });

  it("places every event inside the window, ending at now, in time order", () => {
    const from = NOW - options.days * DAY_MS;
    for (const event of traffic.events) {
      expect(event.occurredAt).toBeGreaterThanOrEqual(from);
      expect(event.occurredAt).toBeLessThan(NOW);
    }
    const times = traffic.events.map((event) => event.occurredAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Spread over the whole window, not bunched at one end.
    expect(times[0]).toBeLessThan(from + DAY_MS);
  });

  it("yields events that pass ingest validation", () => {
    for (const event of traffic.events) {
      const parsed = parseEvent({
        request_id: event.requestId,
        org_id: event.orgId,
        http_status: event.httpStatus,
        code: event.code,
        message: event.message,
        details: event.details,
        occurred_at: event.occurredAt,
        service: event.service,
        method: event.method,
        path: event.path,
        environment: event.environment,
      });
      expect(parsed.ok).toBe(true);
    }
  });

  it("sizes organizations very differently, with about the requested volume", () => {
    const sizes = traffic.orgs.map((org) => org.events);
    expect(sizes).toHaveLength(options.orgs);
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(8);
    expect(traffic.events.length).toBeGreaterThanOrEqual(40_000);
    expect(traffic.events.length).toBeLessThanOrEqual(60_000);
    expect(zipfShares(12_345, 7).reduce((a, b) => a + b, 0)).toBe(12_345);
  });

  it("follows each org's working day", () => {
    // org_acme_music is UTC-5: 14:00-23:00 UTC is its working day, 05:00-10:00 UTC its night.
    const byUtcHour = new Array<number>(24).fill(0);
    for (const event of traffic.events) {
      if (event.orgId === "org_acme_music") byUtcHour[new Date(event.occurredAt).getUTCHours()]! += 1;
    }
    expect(byUtcHour[16]!).toBeGreaterThan(4 * byUtcHour[7]!);
  });

  it("puts a spike of ≥10× the usual hourly rate in the last 3 hours of one org and code", () => {
    const { orgId, code } = traffic.spike;
    expect(code).toBe(SPIKE_CODE);
    const hours = options.days * 24;
    const perHour = new Array<number>(hours).fill(0);
    for (const event of traffic.events) {
      if (event.orgId !== orgId || event.code !== code) continue;
      const hoursAgo = Math.floor((NOW - event.occurredAt) / HOUR_MS);
      perHour[hours - 1 - hoursAgo]! += 1;
    }
    const recent = perHour.slice(-3).reduce((a, b) => a + b, 0) / 3;
    const earlier = perHour.slice(0, -3);
    const usual = median(earlier);
    expect(usual).toBeGreaterThan(0);
    expect(recent).toBeGreaterThanOrEqual(10 * usual);
    expect(recent).toBeGreaterThanOrEqual(10 * (earlier.reduce((a, b) => a + b, 0) / earlier.length));
    // The spike org is mid-sized, neither the largest nor the smallest.
    const rank = traffic.orgs.findIndex((org) => org.id === orgId);
    expect(rank).toBeGreaterThan(0);
    expect(rank).toBeLessThan(traffic.orgs.length - 1);
  });

  it("fills details in each catalogued code's documented shape, except the deliberate off-shape events", () => {
    let offShape = 0;
    for (const event of traffic.events) {
      const entry = findCatalogEntry(event.code);
      if (!entry) continue;
      expect(event.httpStatus, event.code).toBe(entry.httpStatus);
      const check = checkDetails(event.code, event.details);
      if (traffic.offShapeRequestIds.has(event.requestId)) {
        offShape++;
        expect(check.status, event.code).toBe("mismatch");
      } else {
        expect(check, `${event.code} ${JSON.stringify(event.details)}`).toEqual({ status: "ok" });
      }
    }
    expect(offShape).toBe(traffic.offShapeRequestIds.size);
    expect(offShape).toBeGreaterThan(10);
    expect(offShape).toBeLessThan(traffic.events.length / 100);
  });

  it("covers every code of the seed catalog and rarely sends codes the catalog does not know", () => {
    const seen = new Set(traffic.events.map((event) => event.code));
    for (const entry of catalogEntries.filter((e) => e.origin === "api")) expect(seen, entry.code).toContain(entry.code);
    const unknown = traffic.events.filter((event) => !findCatalogEntry(event.code));
    expect(unknown.map((event) => event.code)).toContain("upload.checksum_mismatch");
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.length).toBeLessThan(traffic.events.length / 100);
  });

  it("gives each org its own code mix", () => {
    const share = (orgId: string, code: string) => {
      const org = traffic.events.filter((event) => event.orgId === orgId);
      return org.filter((event) => event.code === code).length / org.length;
    };
    expect(share("org_soundwave_dist", "registration.audio_too_large")).toBeGreaterThan(1.5 * share("org_acme_music", "registration.audio_too_large"));
    expect(share("org_northstar_pub", "api_key.revoked")).toBeGreaterThan(2 * share("org_acme_music", "api_key.revoked"));
  });

  it("fits the request's endpoint to the code", () => {
    for (const event of traffic.events) {
      if (event.code === "registration.audio_too_large") expect(event.path).toMatch(/^\/v1\/uploads/);
      if (event.code === "registration.dry_run_failed") expect(event.path).toMatch(/^\/v1\/registrations\/reg_[0-9a-f]+\/confirm$/);
      if (event.code === "api_key.org_mismatch") expect(event.path).not.toContain(event.orgId);
    }
  });
});
