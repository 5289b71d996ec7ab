import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "./buckets";
import { baselineDays, baselineFor, baselineSamples, baselineWindows, judgeSpike, median, medianAbsoluteDeviation, SPIKE_RULE_TEXT } from "./spike-rule";
import type { SpikeWindow, TimeRange } from "./types";

const NOW = Date.parse("2026-11-26T15:00:00Z");

/** Events per hour of a constructed series, summed over a window of whole hours. */
function windowCount(perHour: (hourStart: number) => number, window: TimeRange): number {
  let total = 0;
  for (let hour = window.from; hour < window.to; hour += HOUR_MS) total += perHour(hour);
  return total;
}

/** Deterministic ±`spread` wobble so baselines are not perfectly flat. */
const wobble = (hour: number, spread: number) => Math.round(Math.sin(hour / HOUR_MS) * spread);

function judgeWindow(perHour: (hourStart: number) => number, window: TimeRange, spikeWindow: SpikeWindow = "1h") {
  const baseline = baselineFor(spikeWindow, window).map((previous) => windowCount(perHour, previous));
  return judgeSpike(windowCount(perHour, window), baseline);
}

describe("median and MAD", () => {
  it("take the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
    expect(medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9])).toBe(1);
  });
});

describe("judgeSpike on constructed series", () => {
  const lastHour = { from: NOW - HOUR_MS, to: NOW };

  it("finds a spike: 12 ± 2 an hour, then 412 in the last hour", () => {
    const perHour = (hour: number) => (hour >= lastHour.from ? 412 : 12 + wobble(hour, 2));
    const judged = judgeWindow(perHour, lastHour);
    expect(judged.isSpike).toBe(true);
    expect(judged.expected).toBeGreaterThanOrEqual(10);
    expect(judged.expected).toBeLessThanOrEqual(14);
    expect(judged.score).toBeGreaterThan(50);
  });


  it("does not flag steady traffic, even at its noisiest hour", () => {
    const perHour = (hour: number) => 100 + wobble(hour, 10);
    for (let end = NOW - 24 * HOUR_MS; end <= NOW; end += HOUR_MS) {
      expect(judgeWindow(perHour, { from: end - HOUR_MS, to: end }).isSpike).toBe(false);
    }
  });

  it("does not flag a small organization going from 1 to 3", () => {
    const perHour = (hour: number) => (hour >= lastHour.from ? 3 : 1);
    const judged = judgeWindow(perHour, lastHour);
    expect(judged).toMatchObject({ expected: 1, isSpike: false });
    expect(judgeSpike(9, [0, 0, 0, 0, 0, 0, 0]).isSpike).toBe(false);
  });

  it("does not flag a daily cycle that a trailing-hours baseline would call a spike", () => {
    // Quiet nights (5/h) and a working-day peak of 200/h from 13:00 to 17:00 UTC, every day.
    const perHour = (hour: number) => {
      const hourOfDay = new Date(hour).getUTCHours();
      return (hourOfDay >= 13 && hourOfDay < 17 ? 200 : 5) + wobble(hour, 3);
    };
    const peakHour = { from: Date.parse("2026-11-26T13:00:00Z"), to: Date.parse("2026-11-26T14:00:00Z") };
    expect(judgeWindow(perHour, peakHour).isSpike).toBe(false);

    const trailing = Array.from({ length: 24 }, (_, index) => perHour(peakHour.from - (index + 1) * HOUR_MS));
    expect(judgeSpike(windowCount(perHour, peakHour), trailing).isSpike).toBe(true);
  });

  it("needs twice the typical count, so a big code's 30% rise is not a spike", () => {
    expect(judgeSpike(1300, [1000, 980, 1020, 990, 1010, 1005, 995]).isSpike).toBe(false);
    expect(judgeSpike(2100, [1000, 980, 1020, 990, 1010, 1005, 995]).isSpike).toBe(true);
  });

  it("is not fooled by one wild day in the baseline", () => {
    const judged = judgeSpike(120, [10, 12, 11, 300, 9, 10, 13]);
    expect(judged.expected).toBe(11);
    expect(judged.isSpike).toBe(true);
  });

  it("keeps scores finite for a flat zero baseline", () => {
    expect(judgeSpike(40, [0, 0, 0, 0, 0, 0, 0])).toEqual({ expected: 0, spread: 1, score: 40, isSpike: true });
    expect(judgeSpike(40, [])).toMatchObject({ score: 40, isSpike: false });
  });
});

describe("judgeSpike on constructed series, 24-hour windows against whole days", () => {
  /** Every 24-hour window ending on the hour during one day, so the window starts at every hour of the day. */
  const dayOfWindows = Array.from({ length: 24 }, (_, index) => ({ from: NOW - DAY_MS - index * HOUR_MS, to: NOW - index * HOUR_MS }));

  it("finds a spike: 12 ± 2 an hour, then 400 an hour for the last 3 hours", () => {
    const perHour = (hour: number) => (hour >= NOW - 3 * HOUR_MS ? 400 : 12 + wobble(hour, 2));
    const judged = judgeWindow(perHour, { from: NOW - DAY_MS, to: NOW }, "24h");
    expect(judged.isSpike).toBe(true);
    expect(judged.expected).toBeGreaterThanOrEqual(24 * 10);
    expect(judged.expected).toBeLessThanOrEqual(24 * 14);
  });

  it("does not flag steady traffic, wherever the window starts", () => {
    const perHour = (hour: number) => 100 + wobble(hour, 10);
    for (const window of dayOfWindows) expect(judgeWindow(perHour, window, "24h").isSpike).toBe(false);
  });

  it("does not flag a small organization going from 1 to 3 a day", () => {
    // One event a day, at midnight; then one every 8 hours in the last 24.
    const perHour = (hour: number) => (new Date(hour).getUTCHours() % (hour >= NOW - DAY_MS ? 8 : 24) === 0 ? 1 : 0);
    const judged = judgeWindow(perHour, { from: NOW - DAY_MS, to: NOW }, "24h");
    expect(judged).toMatchObject({ expected: 1, isSpike: false });
  });

  it("does not flag a daily cycle, a working-day peak inside or outside the window", () => {
    const perHour = (hour: number) => {
      const hourOfDay = new Date(hour).getUTCHours();
      return (hourOfDay >= 13 && hourOfDay < 17 ? 200 : 5) + wobble(hour, 3);
    };
    for (const window of dayOfWindows) expect(judgeWindow(perHour, window, "24h").isSpike).toBe(false);
  });

  it("does not flag a weekly cycle: Monday against a baseline holding a weekend", () => {
    const monday = Date.parse("2026-11-30T18:00:00Z");
    const perHour = (hour: number) => ([0, 6].includes(new Date(hour).getUTCDay()) ? 10 : 30) + wobble(hour, 3);
    expect(judgeWindow(perHour, { from: monday - DAY_MS, to: monday }, "24h").isSpike).toBe(false);
  });
});

describe("baseline windows", () => {
  it("are the same window on each of the previous 7 days", () => {
    const windows = baselineWindows({ from: NOW - HOUR_MS, to: NOW });
    expect(windows).toHaveLength(7);
    expect(windows[0]).toEqual({ from: NOW - HOUR_MS - DAY_MS, to: NOW - DAY_MS });
    expect(windows[6]).toEqual({ from: NOW - HOUR_MS - 7 * DAY_MS, to: NOW - 7 * DAY_MS });
  });

  it("are the 7 whole UTC days before the day a 24-hour window starts in", () => {
    const window = { from: NOW - DAY_MS, to: NOW }; // 2026-11-25T15:00 → 2026-11-26T15:00
    const days = baselineDays(window);
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({ from: Date.parse("2026-11-24T00:00:00Z"), to: Date.parse("2026-11-25T00:00:00Z") });
    expect(days[6]).toEqual({ from: Date.parse("2026-11-18T00:00:00Z"), to: Date.parse("2026-11-19T00:00:00Z") });
    expect(baselineFor("24h", window)).toEqual(days);
    expect(baselineFor("1h", window)).toEqual(baselineWindows(window));
    // A window starting at midnight is preceded directly by its baseline.
    expect(baselineDays({ from: Date.parse("2026-11-25T00:00:00Z"), to: Date.parse("2026-11-26T00:00:00Z") })[0]?.to).toBe(Date.parse("2026-11-25T00:00:00Z"));
  });

  it("leave out days before the organization's first event", () => {
    const windows = baselineWindows({ from: NOW - HOUR_MS, to: NOW });
    const counts = [5, 6, 7, 8, 9, 10, 11];
    expect(baselineSamples(windows, counts, NOW - 3 * DAY_MS - HOUR_MS)).toEqual([5, 6, 7]);
    expect(baselineSamples(windows, counts, NOW)).toEqual([]);
    expect(baselineSamples(windows, counts, 0)).toEqual(counts);
  });
});

describe("SPIKE_RULE_TEXT", () => {
  it("states the thresholds the code uses", () => {
    expect(SPIKE_RULE_TEXT).toMatch(/at least 10 events/);
    expect(SPIKE_RULE_TEXT).toMatch(/2× its typical count/);
    expect(SPIKE_RULE_TEXT).toMatch(/same hour on each of the previous 7 days/);
    expect(SPIKE_RULE_TEXT).toMatch(/each of the 7 whole UTC days before the window/);
    expect(SPIKE_RULE_TEXT).toMatch(/30 days/);
  });
});
