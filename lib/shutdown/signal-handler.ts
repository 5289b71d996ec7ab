import type { Logger } from "pino";
import type { DrainOutcome, DrainRegistry } from "./drain-registry";

export const SHUTDOWN_SIGNALS = ["SIGTERM", "SIGINT"] as const;

export interface SignalHandlerOptions {
  registry: DrainRegistry;
  timeoutMs: number;
  log: Logger;
  /** Injected by tests; the process otherwise. */
  signals?: Pick<NodeJS.EventEmitter, "on">;
  exit?: (code: number) => void;
}

function report(log: Logger, signal: string, outcome: DrainOutcome, timeoutMs: number): number {
  const duration_ms = Math.round(outcome.durationMs);
  for (const { name, error } of outcome.failed) log.error({ err: error, drain: name }, "shutdown: a drain step failed");
  if (!outcome.finished) {
    log.error({ signal, timeout_ms: timeoutMs, unfinished: outcome.unfinished }, "shutdown: deadline passed; exiting with work unfinished");
    return 1;
  }
  log.info({ signal, duration_ms }, "shutdown complete");
  return outcome.failed.length === 0 ? 0 : 1;
}

/**
 * On SIGTERM or SIGINT: drain (finish the requests being answered, write what is buffered, close
 * the database), then exit — 0 when everything finished, 1 when a step failed or the deadline
 * passed first. A second signal changes nothing (shells send Ctrl-C to the whole process group,
 * and npm forwards it again); the deadline still bounds the wait.
 */
export function handleShutdownSignals({ registry, timeoutMs, log, signals = process, exit = (code) => process.exit(code) }: SignalHandlerOptions): void {
  for (const signal of SHUTDOWN_SIGNALS) {
    signals.on(signal, () => {
      if (registry.startedAt !== null) return;
      log.info({ signal, timeout_ms: timeoutMs }, "shutting down: finishing in-flight requests, then flushing and closing the database");
      void registry.drain(timeoutMs).then((outcome) => exit(report(log, signal, outcome, timeoutMs)));
    });
  }
}
