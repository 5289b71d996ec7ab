/*
 * Latencies in log-spaced buckets 1 % wide instead of a list of samples: memory stays the same
 * however long the run and however fast the route, histograms of several clients merge by adding
 * counts, and each percentile is within 1 % of the exact nearest-rank value (min and max are exact).
 */

/** Bucket `i` holds latencies in (LOWEST_MS · GROWTH^(i-1), LOWEST_MS · GROWTH^i]; bucket 0 everything up to LOWEST_MS. */
const LOWEST_MS = 0.001;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

function bucketOf(ms: number): number {
  if (ms <= LOWEST_MS) return 0;
  // The epsilon keeps a value that sits exactly on a bound (e.g. 1.01 µs) from rounding into the bucket above.
  return Math.max(0, Math.ceil(Math.log(ms / LOWEST_MS) / LOG_GROWTH - 1e-9));
}

function upperBound(bucket: number): number {
  return LOWEST_MS * GROWTH ** bucket;
}

export class LatencyHistogram {
  private readonly counts: number[] = [];
  private total = 0;
  private least = Number.POSITIVE_INFINITY;
  private most = Number.NEGATIVE_INFINITY;

  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`a latency must be a finite, non-negative number of ms (got ${ms})`);
    const bucket = bucketOf(ms);
    while (this.counts.length <= bucket) this.counts.push(0);
    this.counts[bucket]! += 1;
    this.total += 1;
    this.least = Math.min(this.least, ms);
    this.most = Math.max(this.most, ms);
  }

  /** Adds another histogram's counts, e.g. one per virtual client into the route's total. */
  merge(other: LatencyHistogram): void {
    other.counts.forEach((count, bucket) => {
      while (this.counts.length <= bucket) this.counts.push(0);
      this.counts[bucket]! += count;
    });
    this.total += other.total;
    this.least = Math.min(this.least, other.least);
    this.most = Math.max(this.most, other.most);
  }

  get count(): number {
    return this.total;
  }

  /**
   * Nearest-rank percentile (`p` in (0, 1]): the smallest recorded latency that at least `p` of all
   * latencies do not exceed, read as its bucket's upper bound and clamped to the exact min and max.
   * NaN when nothing was recorded.
   */
  percentile(p: number): number {
    if (!(p > 0 && p <= 1)) throw new Error(`a percentile must be in (0, 1] (got ${p})`);
    if (this.total === 0) return Number.NaN;
    const rank = Math.ceil(p * this.total);
    let seen = 0;
    for (let bucket = 0; bucket < this.counts.length; bucket++) {
      seen += this.counts[bucket]!;
      if (seen >= rank) return Math.min(this.most, Math.max(this.least, upperBound(bucket)));
    }
    return this.most;
  }

  summary(): LatencySummary {
    return {
      count: this.total,
      p50: this.percentile(0.5),
      p90: this.percentile(0.9),
      p99: this.percentile(0.99),
      max: this.total === 0 ? Number.NaN : this.most,
    };
  }
}
