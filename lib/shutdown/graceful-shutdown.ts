import "server-only";

import { closeDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { onShutdown, processDrains } from "./drain-registry";
import { trackInFlightRequests } from "./in-flight-requests";
import { handleShutdownSignals } from "./signal-handler";

/**
 * Installs Errata's shutdown on SIGTERM/SIGINT (once per server process, from instrumentation).
 *
 * `next start` handles those signals itself unless NEXT_MANUAL_SIG_HANDLE is set (as `npm start`
 * does): it closes the HTTP server, waits for open connections and exits with 143/130, with no
 * step where the app could flush or close anything asynchronous before the exit. Its check runs
 * before instrumentation is loaded, so the variable must come from the environment; without it
 * Errata leaves the signals to Next.js and says so.
 */
export function installGracefulShutdown(): void {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) {
    if (process.env.NODE_ENV === "production") {
      logger.warn(
        "NEXT_MANUAL_SIG_HANDLE is not set, so Next.js handles SIGTERM itself: queued ingest commits and buffered writes are not drained before exit. Start with `npm start`, or set NEXT_MANUAL_SIG_HANDLE=true.",
      );
    }
    return;
  }
  const requests = trackInFlightRequests();
  onShutdown("requests", "in-flight HTTP requests", () => requests.drain());
  onShutdown("database", "database connection", () => closeDatabase());
  handleShutdownSignals({ registry: processDrains, timeoutMs: env().ERRATA_SHUTDOWN_TIMEOUT_MS, log: logger });
}
