import { describe, expect, it } from "vitest";
import type { Spike, SpikeReport } from "@/lib/trends/types";
import { matchSpike } from "./spike-match";

const NOW = Date.parse("2026-11-26T14:20:00Z");
const HOUR = 3_600_000;

function spike(overrides: Partial<Spike>): Spike {
  return {
    kind: "spike",
    orgId: "org_acme",
    code: "common.quota_exceeded",
    httpStatus: 429,
    window: "1h",
    range: { from: NOW - HOUR, to: NOW },
    recent: 40,
    expected: 3,
    spread: 2,
    score: 18.5,
    firstSeenAt: null,
    ...overrides,
  };
}

function report(window: "1h" | "24h", spikes: Spike[], newCodes: Spike[] = []): SpikeReport {
  return { window, evaluatedAt: NOW, spikes, newCodes };
}

const request = { orgId: "org_acme", code: "common.quota_exceeded", occurredAt: NOW - 10 * 60_000 };

describe("matchSpike", () => {
  it("finds the spike of the request's organization and code, and says the request is part of it", () => {
    const mine = spike({});
    const match = matchSpike([report("1h", [spike({ orgId: "org_other" }), spike({ code: "common.internal" }), mine])], request);
    expect(match).toEqual({ spike: mine, includesThis: true });
  });

  it("says so when the organization's code is spiking now but the request is older than the window", () => {
    expect(matchSpike([report("1h", [spike({})])], { ...request, occurredAt: NOW - 2 * HOUR })).toEqual({ spike: spike({}), includesThis: false });
  });

  it("prefers a window the request belongs to, then a rising count over a new code", () => {
    const hour = spike({});
    const day = spike({ window: "24h", range: { from: NOW - 24 * HOUR, to: NOW } });
    const older = { ...request, occurredAt: NOW - 3 * HOUR };
    expect(matchSpike([report("1h", [hour]), report("24h", [day])], older)?.spike).toBe(day);
    const fresh = spike({ kind: "new_code", firstSeenAt: NOW - 30 * 60_000 });
    expect(matchSpike([report("1h", [], [fresh]), report("24h", [day])], request)?.spike).toBe(day);
    expect(matchSpike([report("1h", [hour]), report("24h", [day])], request)?.spike).toBe(hour);
  });

  it("is null when nothing of the organization and code is rising", () => {
    expect(matchSpike([report("1h", [spike({ orgId: "org_other" })])], request)).toBeNull();
    expect(matchSpike([], request)).toBeNull();
  });
});
