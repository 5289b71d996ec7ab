/**
 * A small seeded PRNG (mulberry32) and the draws the demo generator needs. Math.random is not
 * used anywhere in lib/demo: the same seed must give the same traffic, down to the request ids,
 * so that running the demo twice stores nothing new.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly { value: T; weight: number }[]): T;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  hex(length: number): string;
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seed of an independent stream named `label`. Separate streams keep, for example, the request
 * ids independent of how many draws the details of each event happened to consume.
 */
export function deriveSeed(seed: number, label: string): number {
  // FNV-1a over the label, folded with the seed.
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    weighted: (items) => {
      const total = items.reduce((sum, item) => sum + item.weight, 0);
      let remaining = next() * total;
      for (const item of items) {
        remaining -= item.weight;
        if (remaining < 0) return item.value;
      }
      const last = items.at(-1);
      if (!last) throw new Error("weighted pick from an empty list");
      return last.value;
    },
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    hex: (length) => {
      let out = "";
      while (out.length < length) out += Math.floor(next() * 0x10000).toString(16).padStart(4, "0");
      return out.slice(0, length);
    },
  };
  return random;
}

/**
 * Draws `req_` + 24 hex ids, never repeating one: a 32-bit generator can in principle revisit an
 * output, and a repeated id would be silently dropped as a duplicate at insert time.
 */
export function requestIdSource(random: Random): () => string {
  const seen = new Set<string>();
  return () => {
    let id = `req_${random.hex(24)}`;
    while (seen.has(id)) id = `req_${random.hex(24)}`;
    seen.add(id);
    return id;
  };
}

/**
 * Index of the slot one uniform draw lands in, given running totals of the slots' weights: the
 * first index whose total exceeds `random.next()` times the grand total (binary search).
 */
export function pickWeightedIndex(cumulative: ArrayLike<number>, random: Random): number {
  const target = random.next() * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  return low;
}
