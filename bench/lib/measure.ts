/** Wall-clock statistics of repeated runs, in milliseconds. */
export interface Timing {
  runs: number;
  median: number;
  /** Nearest-rank 99th percentile: with 100 runs the second slowest, with fewer runs the slowest. */
  p99: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (rank: number) => sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
  const mid = sorted.length >> 1;
  return {
    runs: sorted.length,
    median: sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2,
    p99: at(Math.ceil(0.99 * sorted.length) - 1),
    min: at(0),
    max: at(sorted.length - 1),
  };
}

/**
 * Runs `fn` `warmup` times unmeasured (statement preparation, page cache, JIT), then `runs` times
 * measured. Returns the last answer so it can be checked against the raw computation.
 */
export async function measure<T>(fn: () => T | Promise<T>, runs: number, warmup: number): Promise<{ timing: Timing; answer: T }> {
  let answer: T | undefined;
  for (let n = 0; n < warmup; n++) answer = await fn();
  const samples: number[] = [];
  for (let n = 0; n < runs; n++) {
    const started = performance.now();
    answer = await fn();
    samples.push(performance.now() - started);
  }
  if (answer === undefined) throw new Error("measure() needs at least one run");
  return { timing: summarize(samples), answer };
}
