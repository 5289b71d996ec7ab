import { ApiError } from "./api-error";

/**
 * SQLite result codes (extended ones included: SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT, ...) that
 * mean "the store cannot take this write right now", not "the request is wrong": the sender should
 * keep its events and retry. PROTOCOL is a lost race for the WAL lock; NOMEM passes when load does.
 */
const UNAVAILABLE_SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOMEM)/;
/**
 * PostgreSQL SQLSTATEs of the same kind: the connection failed (class 08), the server ran out of
 * disk, memory or connections (53), it is shutting down or starting (57P01-57P03), a statement
 * timed out (57014), or a lock or serialization race was lost (40001, 40P01, 55P03).
 */
const UNAVAILABLE_POSTGRES_CODES = /^(08[0-9A-Z]{3}|53[0-9A-Z]{3}|57P0[1-3]|57014|40001|40P01|55P03)$/;
/** The socket to PostgreSQL failing, as node-postgres passes Node's errors on. */
const UNAVAILABLE_NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH)$/;
/** node-postgres's own errors for a pool with no free connection in time, or a dropped connection (they carry no code). */
const UNAVAILABLE_POOL_MESSAGES = /^(timeout exceeded when trying to connect|Connection terminated)/;
const RETRY_AFTER_SECONDS = 2;

function isStorageUnavailable(thrown: unknown): boolean {
  if (typeof thrown !== "object" || thrown === null) return false;
  const code = "code" in thrown ? thrown.code : undefined;
  if (typeof code === "string" && [UNAVAILABLE_SQLITE_CODES, UNAVAILABLE_POSTGRES_CODES, UNAVAILABLE_NETWORK_CODES].some((codes) => codes.test(code))) return true;
  return thrown instanceof Error && UNAVAILABLE_POOL_MESSAGES.test(thrown.message);
}

/** The error and its causes: drizzle wraps a driver's error in a DrizzleQueryError (on PostgreSQL). */
function* causeChain(thrown: unknown): Generator<unknown> {
  let current = thrown;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    yield current;
    current = current instanceof Error ? current.cause : undefined;
  }
}

/**
 * Maps anything thrown inside a handler to the envelope the client sees. Storage that is busy or
 * failing answers 503 with Retry-After so senders keep the events and retry; anything else is a
 * generic 500 whose real cause goes only to the log.
 */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  if ([...causeChain(thrown)].some(isStorageUnavailable)) {
    return new ApiError(
      503,
      "common.service_unavailable",
      "Errata's storage cannot take writes right now; nothing from this request was stored. Retry shortly.",
      { retry_after_seconds: RETRY_AFTER_SECONDS },
      { "Retry-After": String(RETRY_AFTER_SECONDS) },
    );
  }
  return new ApiError(500, "common.internal", "Errata failed to handle this request. It has been logged.", {});
}
