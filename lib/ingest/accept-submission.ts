import "server-only";

import type { StoreResult } from "@/db/queries/events";
import { verifySubmissionSignature, SIGNATURE_HEADER } from "@/lib/auth/webhook-signature";
import type { KeyActor } from "@/lib/auth/authenticate";
import { catalogFlagFor } from "@/lib/catalog";
import { redactEvent } from "@/lib/envelope/redact";
import { env } from "@/lib/env";
import { readBodyText } from "@/lib/http/read-body";
import { commitEvents } from "./group-commit";
import { splitIngestBody, validateIngestBody } from "./parse-body";
import { takeIngestToken } from "./rate-limit";

/**
 * One ingest request, in the order that refuses bad submissions cheapest first: rate limit, size
 * (while streaming), signature, validation (all-or-nothing); then secrets are redacted and the
 * events committed. Resolves only after the transaction holding them has committed.
 */
export async function acceptSubmission(request: Request, actor: KeyActor, now = Date.now()): Promise<StoreResult> {
  const settings = env();
  takeIngestToken(actor, now);
  const text = await readBodyText(request, settings.ERRATA_MAX_BODY_BYTES);
  verifySubmissionSignature(actor, text, request.headers.get(SIGNATURE_HEADER), now);
  const events = validateIngestBody(splitIngestBody(text, request.headers.get("content-type")), settings.ERRATA_MAX_BATCH_EVENTS);
  // The catalog judges the shape the service sent; redaction must not turn into catalog drift.
  const prepared = events.map((event) => ({ ...redactEvent(event), catalogFlag: catalogFlagFor(event.code, event.details) }));
  return commitEvents(prepared, now);
}
