import { EventEmitter } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import { createLogger } from "@/lib/log";
import { DrainRegistry } from "./drain-registry";
import { handleShutdownSignals } from "./signal-handler";

function setup(timeoutMs = 1_000) {
  const signals = new EventEmitter();
  const registry = new DrainRegistry();
  const written: string[] = [];
  const log = createLogger({ write: (line: string) => void written.push(line) });
  let exitCode: number | undefined;
  const exited = new Promise<number>((resolve) => {
    handleShutdownSignals({ registry, timeoutMs, log, signals, exit: (code) => resolve((exitCode = code)) });
  });
  const messages = () => written.map((line) => (JSON.parse(line) as { msg: string }).msg);
  return { signals, registry, exited, messages, exitCode: () => exitCode };
}

describe("shutdown signals", () => {
  it.each(["SIGTERM", "SIGINT"])("drains on %s, then exits 0", async (signal) => {
    const { signals, registry, exited, messages } = setup();
    const hook = vi.fn(() => sleep(5));
    registry.add("buffers", "commits", hook);
    signals.emit(signal);
    expect(await exited).toBe(0);
    expect(hook).toHaveBeenCalledTimes(1);
    expect(messages()).toEqual([expect.stringContaining("shutting down"), "shutdown complete"]);
  });

  it("does not exit before the drain has finished", async () => {
    const { signals, registry, exitCode } = setup();
    let release = () => {};
    registry.add("requests", "http", () => new Promise<void>((resolve) => (release = resolve)));
    signals.emit("SIGTERM");
    await sleep(20);
    expect(exitCode()).toBeUndefined();
    release();
    await sleep(5);
    expect(exitCode()).toBe(0);
  });

  it("ignores a second signal while draining (drains once, exits once)", async () => {
    const { signals, registry, exited } = setup();
    const hook = vi.fn(() => sleep(10));
    registry.add("buffers", "commits", hook);
    signals.emit("SIGINT");
    signals.emit("SIGINT");
    signals.emit("SIGTERM");
    expect(await exited).toBe(0);
    expect(hook).toHaveBeenCalledTimes(1);
  });

  it("exits 1 when the deadline passes first, naming what was unfinished", async () => {
    const { signals, registry, exited, messages } = setup(30);
    registry.add("requests", "stuck download", () => new Promise<void>(() => {}));
    signals.emit("SIGTERM");
    expect(await exited).toBe(1);
    expect(messages().at(-1)).toContain("deadline passed");
  });

  it("exits 1 when a step failed, after running the others", async () => {
    const { signals, registry, exited, messages } = setup();
    const close = vi.fn();
    registry.add("buffers", "commits", () => Promise.reject(new Error("disk full")));
    registry.add("database", "db", close);
    signals.emit("SIGTERM");
    expect(await exited).toBe(1);
    expect(close).toHaveBeenCalled();
    expect(messages()).toContain("shutdown: a drain step failed");
  });

  it("still drains and exits when logging throws (stdout's reader gone)", async () => {
    const signals = new EventEmitter();
    const registry = new DrainRegistry();
    const hook = vi.fn();
    registry.add("database", "db", hook);
    const log = createLogger({
      write: () => {
        throw Object.assign(new Error("write EPIPE"), { code: "EPIPE" });
      },
    });
    const exited = new Promise<number>((resolve) => handleShutdownSignals({ registry, timeoutMs: 1_000, log, signals, exit: resolve }));
    signals.emit("SIGTERM");
    expect(await exited).toBe(0);
    expect(hook).toHaveBeenCalled();
  });
});
