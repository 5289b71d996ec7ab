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

/** 0 only when everything finished: a supervisor should hear of a shutdown that dropped work. */
function exitCodeOf(outcome: DrainOutcome): number {
  return outcome.finished && outcome.failed.length === 0 ? 0 : 1;
}

function report(log: Logger, signal: string, outcome: DrainOutcome, timeoutMs: number): void {
  for (const { name, error } of outcome.failed) log.error({ err: error, drain: name }, "shutdown: a drain step failed");
  if (outcome.finished) log.info({ signal, duration_ms: Math.round(outcome.durationMs) }, "shutdown complete");
  else log.error({ signal, timeout_ms: timeoutMs, unfinished: outcome.unfinished }, "shutdown: deadline passed; exiting with work unfinished");
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
      // Draining starts before anything is logged, and the exit does not depend on logging: a log
      // write can throw (stdout's reader gone), and the process must still drain and exit.
      const draining = registry.drain(timeoutMs);
      bestEffort(() => log.info({ signal, timeout_ms: timeoutMs }, "shutting down: finishing in-flight requests, then flushing and closing the database"));
      void draining.then((outcome) => {
        bestEffort(() => report(log, signal, outcome, timeoutMs));
        exit(exitCodeOf(outcome));
      });
    });
  }
}

function bestEffort(write: () => void): void {
  try {
    write();
  } catch {
    // Nowhere left to say it.
  }
}
