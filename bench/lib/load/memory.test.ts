import { describe, expect, it } from "vitest";
import { parseProcStatus, readMemory } from "./memory";

const STATUS = ["Name:\tnext-server", "VmPeak:\t 1234567 kB", "VmHWM:\t  301234 kB", "VmRSS:\t  250000 kB", "Threads:\t11"].join("\n");

describe("parseProcStatus", () => {
  it("reads VmRSS and VmHWM (the kernel's peak), in bytes", () => {
    expect(parseProcStatus(STATUS)).toEqual({ rssBytes: 250_000 * 1024, peakBytes: 301_234 * 1024 });
  });

  it("is undefined when a field is missing (a kernel thread, or not Linux)", () => {
    expect(parseProcStatus("Name:\tkthreadd\nThreads:\t1")).toBeUndefined();
  });
});

describe("readMemory", () => {
  it.runIf(process.platform === "linux")("reads this process's own status", () => {
    const reading = readMemory(process.pid);
    expect(reading?.rssBytes).toBeGreaterThan(0);
    expect(reading!.peakBytes).toBeGreaterThanOrEqual(reading!.rssBytes);
  });

  it("is undefined for a process that is gone", () => {
    expect(readMemory(2 ** 22 + 1)).toBeUndefined();
  });
});
