import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line written while handling one request carries (see the `mixin` in lib/log.ts). */
export interface LogContext {
  request_id: string;
}

// On globalThis: Next bundles instrumentation and the routes separately, each with its own copy of
// this module, and a line must find the request it belongs to whichever copy logged it.
const globalForLog = globalThis as unknown as { errataLogContext?: AsyncLocalStorage<LogContext> };
const storage = (globalForLog.errataLogContext ??= new AsyncLocalStorage<LogContext>());

/**
 * Runs `fn` with `context` attached to everything it does, awaits and timers included, so code
 * deep in a request (queries, the ingest pipeline) logs the request id without being handed a logger.
 */
export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The context of the request being handled here, or undefined outside one (startup, timers of no request). */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
