import { ApiError } from "./api-error";

/**
 * SQLite result codes (extended ones included: SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT, ...) that
 * mean "the store cannot take this write right now", not "the request is wrong": the sender should
 * keep its events and retry. PROTOCOL is a lost race for the WAL lock; NOMEM passes when load does.
 */
const UNAVAILABLE_SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOMEM)/;
const RETRY_AFTER_SECONDS = 2;

function sqliteCode(thrown: unknown): string | undefined {
  if (typeof thrown !== "object" || thrown === null || !("code" in thrown)) return undefined;
  const code = (thrown as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Maps anything thrown inside a handler to the envelope the client sees. Storage that is busy or
 * failing answers 503 with Retry-After so senders keep the events and retry; anything else is a
 * generic 500 whose real cause goes only to the log.
 */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  const code = sqliteCode(thrown);
  if (code && UNAVAILABLE_SQLITE_CODES.test(code)) {
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
