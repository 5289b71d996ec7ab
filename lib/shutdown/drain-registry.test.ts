import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { DrainRegistry } from "./drain-registry";

/** A hook that records when it starts and ends, finishing after `ms`. */
function timed(events: string[], name: string, ms: number) {
  return async () => {
    events.push(`${name} start`);
    await sleep(ms);
    events.push(`${name} end`);
  };
}

describe("DrainRegistry", () => {
  it("runs the stages in order — requests, then buffers, then the database — whatever the order of registration", async () => {
    const events: string[] = [];
    const registry = new DrainRegistry();
    registry.add("database", "db", timed(events, "db", 1));
    registry.add("buffers", "commits", timed(events, "commits", 5));
    registry.add("requests", "http", timed(events, "http", 10));
    const outcome = await registry.drain(1_000);
    expect(outcome).toMatchObject({ finished: true, failed: [], unfinished: [] });
    expect(events).toEqual(["http start", "http end", "commits start", "commits end", "db start", "db end"]);
  });

  it("runs the hooks of one stage together and waits for all of them before the next stage", async () => {
    const events: string[] = [];
    const registry = new DrainRegistry();
    registry.add("buffers", "slow", timed(events, "slow", 15));
    registry.add("buffers", "fast", timed(events, "fast", 1));
    registry.add("database", "db", timed(events, "db", 1));
    await registry.drain(1_000);
    expect(events).toEqual(["slow start", "fast start", "fast end", "slow end", "db start", "db end"]);
  });

  it("takes hooks registered during an earlier stage (a module first used while requests finish)", async () => {
    const events: string[] = [];
    const registry = new DrainRegistry();
    registry.add("requests", "http", () => registry.add("buffers", "late", timed(events, "late", 1)));
    expect((await registry.drain(1_000)).finished).toBe(true);
    expect(events).toEqual(["late start", "late end"]);
  });

  it("reports a failing hook and still runs the rest, the database last", async () => {
    const events: string[] = [];
    const registry = new DrainRegistry();
    const broken = new Error("commit failed");
    registry.add("buffers", "commits", () => Promise.reject(broken));
    registry.add("buffers", "key uses", timed(events, "key uses", 1));
    registry.add("database", "db", () => {
      throw new Error("close failed");
    });
    const outcome = await registry.drain(1_000);
    expect(outcome.finished).toBe(true);
    expect(outcome.failed).toEqual([
      { name: "commits", error: broken },
      { name: "db", error: expect.objectContaining({ message: "close failed" }) },
    ]);
    expect(events).toEqual(["key uses start", "key uses end"]);
  });

  it("gives up at the deadline, naming the hooks still running and those never started", async () => {
    const registry = new DrainRegistry();
    let closed = false;
    registry.add("requests", "stuck request", () => new Promise<void>(() => {}));
    registry.add("requests", "quick", () => undefined);
    registry.add("database", "db", () => {
      closed = true;
    });
    const started = performance.now();
    const outcome = await registry.drain(50);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(outcome).toMatchObject({ finished: false, unfinished: ["stuck request", "db"] });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(45);
    expect(closed).toBe(false);
  });

  it("drains once: a second call (a second signal) gets the first one's outcome, and startedAt stays the first", async () => {
    const registry = new DrainRegistry();
    let runs = 0;
    registry.add("buffers", "count", async () => {
      runs += 1;
      await sleep(5);
    });
    expect(registry.startedAt).toBeNull();
    const first = registry.drain(1_000, 1_000);
    const second = registry.drain(1_000, 2_000);
    expect(registry.startedAt).toBe(1_000);
    expect(await second).toBe(await first);
    expect(runs).toBe(1);
  });
});
