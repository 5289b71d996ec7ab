import "server-only";

import { storeSubmissions, type NewEvent, type StoreResult } from "@/db/queries/events";
import { env } from "@/lib/env";
import { onShutdown } from "@/lib/shutdown/drain-registry";
import { GroupCommitter } from "./group-committer";

// One committer per process: the group is only as wide as the requests this process is serving.
let committer: GroupCommitter | undefined;

function processCommitter(): GroupCommitter {
  if (committer) return committer;
  const settings = env();
  const created = new GroupCommitter({
    windowMs: settings.ERRATA_INGEST_COMMIT_WINDOW_MS,
    maxEventsPerCommit: settings.ERRATA_INGEST_COMMIT_MAX_EVENTS,
    maxQueuedEvents: settings.ERRATA_INGEST_MAX_QUEUED_EVENTS,
    store: storeSubmissions,
  });
  // Once the requests in flight are answered (their commits with them), whatever is still queued
  // is committed and later submissions are refused, before the database closes.
  onShutdown("buffers", "ingest group commit", () => created.drain());
  committer = created;
  return committer;
}

/**
 * Commits one submission's events together with whatever else arrives within the commit window,
 * resolving with this submission's own counts once that shared transaction has committed.
 */
export function commitEvents(events: NewEvent[], now: number): Promise<StoreResult> {
  return processCommitter().commit(events, now);
}
