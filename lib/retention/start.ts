import "server-only";

import { logger } from "@/lib/log";
import { onShutdown } from "@/lib/shutdown/drain-registry";
import { startRetentionJob, type RetentionJob } from "./schedule";
import { retentionSettings } from "./settings";

// On globalThis, like the database handle: one job per process however many copies of this module load.
const globalForRetention = globalThis as unknown as { errataRetention?: RetentionJob };

/**
 * Starts the retention job in a production server (`next start`), from instrumentation's register():
 * never at import, never during `next build` (register returns first), never in `next dev` or tests,
 * where deleting a developer's or a test's old events unasked would only surprise. Operators can
 * also prune by hand: `npm run errata -- retention run`.
 */
export function startRetention(): void {
  if (process.env.NODE_ENV !== "production" || globalForRetention.errataRetention) return;
  const job = startRetentionJob({ settings: retentionSettings(), log: logger.child({ job: "retention" }) });
  globalForRetention.errataRetention = job;
  // The first stage: no batch starts once shutdown begins, and the running one ends before the database closes.
  onShutdown("requests", "retention job", () => job.stop());
}
