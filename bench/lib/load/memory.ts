import fs from "node:fs";

/** A process's resident memory, as Linux reports it in /proc/<pid>/status. */
export interface MemoryReading {
  /** VmRSS: resident now. */
  rssBytes: number;
  /** VmHWM: the highest resident size since the process started (the kernel's own peak, not sampled). */
  peakBytes: number;
}

function kilobytes(status: string, field: string): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, "m").exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

export function parseProcStatus(status: string): MemoryReading | undefined {
  const rssBytes = kilobytes(status, "VmRSS");
  const peakBytes = kilobytes(status, "VmHWM");
  return rssBytes === undefined || peakBytes === undefined ? undefined : { rssBytes, peakBytes };
}

/** Undefined where there is no /proc (not Linux) or once the process has gone. */
export function readMemory(pid: number | undefined): MemoryReading | undefined {
  if (pid === undefined) return undefined;
  try {
    return parseProcStatus(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return undefined;
  }
}

export function formatMiB(bytes: number | undefined): string {
  return bytes === undefined ? "–" : `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
}
