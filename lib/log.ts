import pino, { type DestinationStream, type Logger } from "pino";
import { withoutQueryParameters } from "./log-errors";
import { currentLogContext } from "./log-context";

/**
 * The request id of the line's request, unless the logger already carries one as a binding (the
 * `log` route() hands its handler, kept for streams that outlive the handler): twice would write
 * the key twice into the JSON.
 */
function requestFields(_merge: object, _level: number, instance: Logger): object {
  const context = currentLogContext();
  if (!context || "request_id" in instance.bindings()) return {};
  // A new object every time: pino mutates what the mixin returns.
  return { request_id: context.request_id };
}

/**
 * Structured JSON logs. Tokens and request bodies are never logged; the redact list is a second
 * line of defence for fields that might carry them by accident, and a logged `err` loses the bound
 * parameters drizzle puts in a failed query's message (lib/log-errors.ts). `destination` is for tests.
 */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "errata" },
    redact: ["authorization", "headers.authorization", "key", "secret", "body"],
    mixin: requestFields,
    serializers: { err: (error: unknown) => pino.stdSerializers.err(withoutQueryParameters(error) as Error) },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();
