import "server-only";

import { bufferApiKeyUse, flushApiKeyUses } from "@/db/queries/api-keys";
import { logger } from "@/lib/log";
import { onShutdown } from "@/lib/shutdown/drain-registry";

/**
 * `last_used_at` is informational, so it must not cost the ingest hot path a write: uses are
 * gathered in memory and written together at most this often (one transaction for all keys). A
 * list may therefore show a use up to this much late.
 */
export const LAST_USED_FLUSH_MS = 5_000;

let timer: NodeJS.Timeout | undefined;
let drainRegistered = false;

/** Records that a key authenticated at `at`; the write happens later, batched with other uses. */
export async function noteKeyUse(keyId: number, at: number): Promise<void> {
  await bufferApiKeyUse(keyId, at);
  flushOnShutdown();
  scheduleFlush();
}

/** Writes every buffered use now. Never throws: a failed write stays buffered and is retried. */
export async function flushKeyUses(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  try {
    await flushApiKeyUses();
  } catch (error) {
    logger.warn({ err: error }, "could not record API key use; retrying");
    scheduleFlush();
  }
}

function scheduleFlush(): void {
  // unref: a pending flush must never keep a CLI run, a test worker or a stopping server alive.
  timer ??= setTimeout(flushKeyUses, LAST_USED_FLUSH_MS).unref();
}

/**
 * Writes the last batch when the server stops, before the database closes (the process's `exit`
 * event is too late for an asynchronous write). A hard kill loses at most one interval of
 * last-used times, acceptable for an informational column.
 */
function flushOnShutdown(): void {
  if (drainRegistered) return;
  drainRegistered = true;
  onShutdown("buffers", "API key last-used times", flushKeyUses);
}
