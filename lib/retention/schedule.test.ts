import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PassOptions, PassTotals } from "./prune-pass";
import { startRetentionJob } from "./schedule";

const settings = { eventDays: 90, batchSize: 250, pauseMs: 10, everyMs: 60_000, firstPassAfterMs: 10_000 };
const totals = (deleted: number): PassTotals => ({
  cutoffs: { events: 0, rollups: 0 },
  events: deleted,
  rollups: 0,
  tombstones: 0,
  batches: 1,
  leftToAnotherInstance: false,
  stopped: false,
});

function fakeLog() {
  return { info: vi.fn(), debug: vi.fn(), warn: vi.fn() };
}

describe("startRetentionJob", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs the first pass after the start delay, then one a minute, logging a line each", async () => {
    const log = fakeLog();
    const runPass = vi.fn(async () => totals(3));
    const job = startRetentionJob({ settings, log, runPass });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(runPass).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(runPass).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runPass).toHaveBeenCalledTimes(2);
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ events_deleted: 3, batches: 1 }), "retention pass");
    await job.stop();
  });

  it("logs an idle pass at debug and a failed one as a warning, and keeps going", async () => {
    const log = fakeLog();
    const runPass = vi.fn().mockResolvedValueOnce(totals(0)).mockRejectedValueOnce(new Error("database is locked")).mockResolvedValue(totals(1));
    const job = startRetentionJob({ settings: { ...settings, firstPassAfterMs: 0 }, log, runPass });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(log.debug).toHaveBeenCalledWith(expect.objectContaining({ events_deleted: 0 }), "retention pass");
    expect(log.warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), expect.stringContaining("retention pass failed"));
    expect(runPass).toHaveBeenCalledTimes(3);
    await job.stop();
  });

  it("never overlaps passes: one that overruns the minute is followed at once by the next", async () => {
    const log = fakeLog();
    let active = 0;
    let most = 0;
    const runPass = vi.fn(async () => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 90_000));
      active -= 1;
      return totals(1);
    });
    const job = startRetentionJob({ settings: { ...settings, firstPassAfterMs: 0 }, log, runPass });
    await vi.advanceTimersByTimeAsync(90_500);
    expect(runPass).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(90_000);
    expect(runPass).toHaveBeenCalledTimes(3);
    expect(most).toBe(1);
    const stopped = job.stop();
    await vi.advanceTimersByTimeAsync(90_000);
    await stopped;
  });

  it("stop() tells the running pass to stop, waits for it, and starts no other", async () => {
    const log = fakeLog();
    let seen: PassOptions | undefined;
    let finish: () => void = () => {};
    const runPass = vi.fn(async (options: PassOptions) => {
      seen = options;
      await new Promise<void>((resolve) => (finish = resolve));
      return { ...totals(1), stopped: options.stopping?.() ?? false };
    });
    const job = startRetentionJob({ settings: { ...settings, firstPassAfterMs: 0 }, log, runPass });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen?.stopping?.()).toBe(false);
    let done = false;
    const stopping = job.stop().then(() => (done = true));
    expect(seen?.stopping?.()).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    finish();
    await stopping;
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ stopped: true }), "retention pass");
    await vi.advanceTimersByTimeAsync(600_000);
    expect(runPass).toHaveBeenCalledTimes(1);
  });
});
