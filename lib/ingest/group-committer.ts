import type { NewEvent, StoreResult, Submission } from "@/db/queries/events";
import { ApiError } from "@/lib/http/api-error";
import { shuttingDownError } from "@/lib/shutdown/shutting-down-error";

export interface GroupCommitOptions {
  /** How long the first submission of a group waits for others to join it; 0 waits one event-loop turn. */
  windowMs: number;
  /** A group is committed as soon as it holds this many events (one submission is never split). */
  maxEventsPerCommit: number;
  /** More events than this waiting for a commit: refuse new submissions with 503 instead of queueing. */
  maxQueuedEvents: number;
  /** Stores every submission in ONE transaction and returns each one's counts, in order. */
  store: (submissions: readonly Submission[]) => Promise<StoreResult[]>;
}

interface Waiter {
  submission: Submission;
  resolve: (result: StoreResult) => void;
  reject: (error: unknown) => void;
}

const QUEUE_FULL_RETRY_AFTER_SECONDS = 1;

function queueFull(queued: number, max: number): ApiError {
  return new ApiError(
    503,
    "common.service_unavailable",
    "Errata is writing more events than it can queue; nothing from this request was stored. Retry shortly.",
    { reason: "ingest_queue_full", queued_events: queued, max_queued_events: max, retry_after_seconds: QUEUE_FULL_RETRY_AFTER_SECONDS },
    { "Retry-After": String(QUEUE_FULL_RETRY_AFTER_SECONDS) },
  );
}

function shuttingDown(): ApiError {
  return shuttingDownError("Errata is shutting down; nothing from this request was stored. Send it again: another instance will take it.");
}

/**
 * Group commit: submissions that arrive within `windowMs` of each other share one transaction, so
 * many small concurrent requests pay for one commit instead of one each. Every caller's promise
 * settles only after the transaction holding its events has committed (or failed: then every
 * caller of that group gets the same error and nothing of the group is stored).
 */
export class GroupCommitter {
  private queue: Waiter[] = [];
  private queuedEvents = 0;
  private timeout: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  /** One commit at a time: on SQLite a second would only wait for the write lock; meanwhile the queue grows into the next group. */
  private committing = false;
  /** Set by drain(): every later submission is refused. */
  private draining = false;
  /** Callers' promises not yet settled, queued or in the commit running now: what drain() waits for. */
  private readonly unsettled = new Set<Promise<StoreResult>>();

  constructor(private readonly options: GroupCommitOptions) {}

  /** Events waiting for a commit; exposed for tests and diagnostics. */
  get pendingEvents(): number {
    return this.queuedEvents;
  }

  commit(events: readonly NewEvent[], receivedAt: number): Promise<StoreResult> {
    if (this.draining) return Promise.reject(shuttingDown());
    const { maxQueuedEvents, maxEventsPerCommit } = this.options;
    // Admit at least one submission into an empty queue, whatever its size, so no request can starve.
    if (this.queue.length > 0 && this.queuedEvents + events.length > maxQueuedEvents) {
      return Promise.reject(queueFull(this.queuedEvents, maxQueuedEvents));
    }
    const settled = new Promise<StoreResult>((resolve, reject) => {
      this.queue.push({ submission: { events, receivedAt }, resolve, reject });
    });
    this.queuedEvents += events.length;
    this.unsettled.add(settled);
    const forget = () => this.unsettled.delete(settled);
    settled.then(forget, forget);
    this.flushSoon(this.queuedEvents >= maxEventsPerCommit);
    return settled;
  }

  /**
   * For shutdown: refuses every later submission (503 shutting_down), commits the queued ones now
   * instead of at the end of the window, and resolves once each has committed or failed: their
   * callers are answered either way, and a 202 is only ever sent after its commit.
   */
  async drain(): Promise<void> {
    this.draining = true;
    if (this.queue.length > 0) this.flushSoon(true);
    await Promise.allSettled(this.unsettled);
  }

  private flushSoon(now: boolean): void {
    // The commit in flight flushes the queue when it ends.
    if (this.committing) return;
    if (now) {
      if (this.timeout) clearTimeout(this.timeout);
      this.timeout = null;
      // Still asynchronous, so the caller holds its promise before the transaction runs.
      this.immediate ??= setImmediate(() => this.flush());
      return;
    }
    if (this.timeout || this.immediate) return;
    const { windowMs } = this.options;
    if (windowMs > 0) this.timeout = setTimeout(() => this.flush(), windowMs);
    else this.immediate = setImmediate(() => this.flush());
  }

  /** Commits the head of the queue (up to the per-commit cap) and schedules the rest once that commit ends. */
  private async flush(): Promise<void> {
    if (this.timeout) clearTimeout(this.timeout);
    this.timeout = null;
    this.immediate = null;
    if (this.committing) return;
    const group: Waiter[] = [];
    let events = 0;
    for (const waiter of this.queue) {
      const size = waiter.submission.events.length;
      if (group.length > 0 && events + size > this.options.maxEventsPerCommit) break;
      group.push(waiter);
      events += size;
    }
    this.queue = this.queue.slice(group.length);
    this.queuedEvents -= events;
    if (group.length === 0) return;

    let results: StoreResult[];
    this.committing = true;
    try {
      results = await this.options.store(group.map((waiter) => waiter.submission));
    } catch (error) {
      for (const waiter of group) waiter.reject(error);
      return;
    } finally {
      this.committing = false;
      if (this.queue.length > 0) this.flushSoon(true);
    }
    group.forEach((waiter, index) => {
      const result = results[index];
      if (result) waiter.resolve(result);
      else waiter.reject(new Error(`group commit: the store returned ${results.length} results for ${group.length} submissions`));
    });
  }
}
