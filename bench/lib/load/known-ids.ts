import { createRandom, type Random } from "@/lib/demo/random";

/** Acknowledged ids kept for lookups: enough to spread reads over many rows, bounded however long the run. */
const RECENT_CAPACITY = 50_000;

/**
 * Request ids a lookup may ask for, all known to be stored: a sample of the seeded data, read from
 * the database before the run, and ids the server acknowledged during it. Lookups alternate between
 * the two, because support tickets ask about last month's errors and about a minute ago's, and the
 * recent ones are read from pages the ingest has just written.
 */
export class KnownIds {
  private readonly recent: string[] = [];
  private written = 0;
  private turn = 0;
  private readonly random: Random;

  constructor(
    private readonly seeded: readonly string[],
    seed = 1,
  ) {
    if (seeded.length === 0) throw new Error("lookups need at least one stored request id: the seed stored none");
    this.random = createRandom(seed);
  }

  /** An id the server has committed (it answers 202 only after the commit). */
  add(id: string): void {
    if (this.recent.length < RECENT_CAPACITY) this.recent.push(id);
    else this.recent[this.written % RECENT_CAPACITY] = id;
    this.written += 1;
  }

  pick(): string {
    this.turn += 1;
    const pool = this.turn % 2 === 0 && this.recent.length > 0 ? this.recent : this.seeded;
    return this.random.pick(pool);
  }
}
