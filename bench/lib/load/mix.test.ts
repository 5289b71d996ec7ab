import { describe, expect, it } from "vitest";
import { DEFAULT_MIX, mixScheduler, OPERATIONS, parseMix, type Operation } from "./mix";

function take(next: () => Operation, n: number): Operation[] {
  return Array.from({ length: n }, next);
}

function counts(sequence: readonly Operation[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const operation of sequence) result[operation] = (result[operation] ?? 0) + 1;
  return result;
}

describe("mixScheduler", () => {
  it("sends each operation exactly its weight in every cycle of the total weight", () => {
    const next = mixScheduler(DEFAULT_MIX);
    const total = OPERATIONS.reduce((sum, operation) => sum + DEFAULT_MIX[operation], 0);
    for (let cycle = 0; cycle < 3; cycle++) expect(counts(take(next, total))).toEqual(DEFAULT_MIX);
  });

  it("spreads an operation out instead of sending it in runs", () => {
    const sequence = take(mixScheduler(DEFAULT_MIX), 1000);
    // The rarest (spikes, 5 of 100) comes about every 20th request, never two in a row.
    const gaps: number[] = [];
    let last = -1;
    sequence.forEach((operation, index) => {
      if (operation !== "spikes") return;
      if (last >= 0) gaps.push(index - last);
      last = index;
    });
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(19);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(21);
    // The commonest (single, 45 of 100) never runs more than twice in a row.
    expect(sequence.join(",")).not.toContain("single,single,single");
  });

  it("never sends an operation of weight 0, and is the same sequence every time", () => {
    const mix = { ...DEFAULT_MIX, batch: 0, spikes: 0 };
    const sequence = take(mixScheduler(mix), 500);
    expect(sequence).not.toContain("batch");
    expect(sequence).not.toContain("spikes");
    expect(take(mixScheduler(mix), 500)).toEqual(sequence);
  });

  it("keeps the proportions for uneven weights too", () => {
    const mix = { batch: 1, single: 3, lookup: 0, trends: 0, spikes: 0 };
    expect(counts(take(mixScheduler(mix), 400))).toEqual({ batch: 100, single: 300 });
  });
});

describe("parseMix", () => {
  it("overrides the named weights and keeps the others", () => {
    expect(parseMix("single=60, spikes=0")).toEqual({ ...DEFAULT_MIX, single: 60, spikes: 0 });
  });

  it("refuses unknown operations, bad weights and an empty mix", () => {
    expect(() => parseMix("ingest=5")).toThrow(/unknown operation "ingest"/);
    expect(() => parseMix("single=-1")).toThrow(/whole, non-negative/);
    expect(() => parseMix("single=1.5")).toThrow(/whole, non-negative/);
    expect(() => parseMix("batch=0,single=0,lookup=0,trends=0,spikes=0")).toThrow(/at least one/);
  });
});
