/** Collects disagreements between a service's answer and the raw GROUP BY; any one fails the run. */
export class Checker {
  readonly problems: string[] = [];

  equal(label: string, actual: unknown, expected: unknown): void {
    if (actual !== expected) this.problems.push(`${label}: service says ${String(actual)}, raw events say ${String(expected)}`);
  }

  fail(message: string): void {
    this.problems.push(message);
  }

  /** Compares two count maps key by key (zero and absent are the same), reporting the first few differences. */
  counts(label: string, actual: ReadonlyMap<string, number>, expected: ReadonlyMap<string, number>): void {
    const keys = new Set([...actual.keys(), ...expected.keys()]);
    const diffs: string[] = [];
    for (const key of keys) {
      const a = actual.get(key) ?? 0;
      const e = expected.get(key) ?? 0;
      if (a !== e) diffs.push(`${key}: ${a} vs ${e}`);
    }
    if (diffs.length > 0) {
      this.problems.push(`${label}: ${diffs.length} of ${keys.size} counts differ (service vs raw), e.g. ${diffs.slice(0, 5).join("; ")}`);
    }
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }
}

export function addTo(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
