import "server-only";

import { insertRequestView, type AuditVia, type AuditViewer } from "@/db/queries/audit-log";
import { ApiError } from "@/lib/http/api-error";
import type { Actor } from "@/lib/http/authenticate-request";
import { requestLogger } from "@/lib/request-logger";

const RETRY_AFTER_SECONDS = 2;

function viewerOf(actor: Actor): AuditViewer {
  return actor.kind === "user"
    ? { kind: "user", id: actor.id, label: actor.email }
    : { kind: "key", keyId: actor.keyId, prefix: actor.prefix };
}

/** The answer when a view cannot be recorded: the record is withheld, and retrying is the remedy. */
function auditUnavailable(cause: unknown): ApiError {
  const error = new ApiError(
    503,
    "common.service_unavailable",
    "Errata could not record this view in its audit log, so it does not show the request. Retry shortly.",
    { retry_after_seconds: RETRY_AFTER_SECONDS },
    { "Retry-After": String(RETRY_AFTER_SECONDS) },
  );
  error.cause = cause;
  return error;
}

/**
 * Records that `actor` looked up `requestId` (`found`: whether it is stored). Call it after the
 * lookup and BEFORE anything of the record is shown.
 *
 * Fails closed: if the row cannot be written (database locked past its busy timeout, disk full,
 * anything else), this throws a 503 `common.service_unavailable` and the caller shows nothing. An
 * audit log that misses views whenever storage struggles cannot answer "who saw this?", and a
 * caller who is refused can simply retry; so accountability wins over availability here. The API
 * route wrapper turns the error into the envelope with Retry-After; a page shows its error boundary.
 */
export async function recordRequestView(actor: Actor, requestId: string, via: AuditVia, found: boolean, now = Date.now()): Promise<void> {
  try {
    await insertRequestView({ viewedAt: now, viewer: viewerOf(actor), requestId, via, found });
  } catch (cause) {
    // Only the actor's kind and the viewed id: never the key or the session it came with.
    (await requestLogger()).error({ err: cause, viewed_request_id: requestId, actor_kind: actor.kind, via }, "audit: view not recorded; request withheld");
    throw auditUnavailable(cause);
  }
}
