import { DrizzleQueryError } from "drizzle-orm";

/*
 * drizzle wraps every failed PostgreSQL statement in a DrizzleQueryError whose message (and so its
 * stack) lists each bound parameter: event bodies, e-mail addresses, password hashes, tokens. The
 * logger's `err` serializer passes errors through here first, so a logged failure keeps its query
 * text and the driver's own error (its cause) but none of the values.
 */

const MAX_CAUSES = 10;

/** A copy of `error` whose own properties are kept but `cause` replaced (the original is left alone). */
function withCause(error: Error, cause: unknown): Error {
  const copy = Object.create(Object.getPrototypeOf(error)) as Error;
  for (const key of Object.getOwnPropertyNames(error)) Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(error, key)!);
  Object.defineProperty(copy, "cause", { value: cause, enumerable: false, writable: true, configurable: true });
  return copy;
}

function scrubbedQueryError(error: DrizzleQueryError, cause: unknown): Error {
  const message = `Failed query: ${error.query}`;
  const copy = new Error(message, { cause });
  copy.name = "DrizzleQueryError";
  // V8's stack begins with "Name: message": the frames are kept, the parameters are not.
  const frames = error.stack?.split("\n").filter((line) => /^\s+at /.test(line)) ?? [];
  copy.stack = [`DrizzleQueryError: ${message}`, ...frames].join("\n");
  return copy;
}

/** `error`, or a copy of it and its causes with every DrizzleQueryError's parameters left out. */
export function withoutQueryParameters(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > MAX_CAUSES) return error;
  const cause = withoutQueryParameters(error.cause, depth + 1);
  if (error instanceof DrizzleQueryError) return scrubbedQueryError(error, cause);
  return cause === error.cause ? error : withCause(error, cause);
}
