import { storeEvents } from "@/db/queries/events";
import { buildEventPool, requestIds } from "../../ingest-events";

export interface IngestLoopOptions {
  /** A commit falls due every this many milliseconds. */
  everyMs: number;
  /** Events per commit. */
  events: number;
  /** Keeps the ids of separate loops apart. */
  tag: string;
}

export interface IngestLoop {
  /** Stops starting commits, waits for those in flight, and returns each commit's latency in ms. */
  stop(): Promise<number[]>;
}

/** Commits in flight beyond which the loop skips a due commit rather than pile up (a saturated machine). */
const MAX_IN_FLIGHT = 50;

/**
 * Ingest as the server sees it, in the same process as the retention job: a commit of fresh events
 * falls due every `everyMs`, whether or not earlier ones have finished (they stand for separate
 * requests), and its latency runs from when it fell due to when it committed. On SQLite a retention
 * batch is a synchronous transaction on the same connection, so a commit falling due during one
 * starts late; on PostgreSQL commits run on pooled connections beside the batches.
 */
export function startIngestLoop({ everyMs, events, tag }: IngestLoopOptions): IngestLoop {
  const pool = buildEventPool(Date.now());
  const nextId = requestIds(tag);
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let cursor = 0;
  let due = performance.now();
  let timer: NodeJS.Timeout | undefined;

  const commit = async (dueAt: number) => {
    const batch = Array.from({ length: events }, () => pool.stored(cursor++, nextId()));
    await storeEvents(batch, Date.now());
    latencies.push(performance.now() - dueAt);
  };
  const schedule = () => {
    due += everyMs;
    timer = setTimeout(() => {
      if (inFlight.size < MAX_IN_FLIGHT) {
        const running = commit(due).finally(() => inFlight.delete(running));
        inFlight.add(running);
      }
      schedule();
    }, Math.max(0, due - performance.now()));
  };
  schedule();

  return {
    async stop() {
      if (timer) clearTimeout(timer);
      await Promise.all(inFlight);
      return latencies;
    },
  };
}
