import "server-only";

import type { StoreResult } from "@/db/queries/events";
import { verifySubmissionSignature, SIGNATURE_HEADER } from "@/lib/auth/webhook-signature";
import type { KeyActor } from "@/lib/auth/authenticate";
import { catalogFlagFor } from "@/lib/catalog";
import type { IngestEvent } from "@/lib/envelope/event-schema";
import { buildRedactionRules, redactEvent, type RedactionRules } from "@/lib/envelope/redact";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { readBodyText } from "@/lib/http/read-body";
import { logger } from "@/lib/log";
import { commitEvents } from "./group-commit";
import { splitIngestBody, validateIngestBody, type ParsedIngestBody } from "./parse-body";
import { takeIngestToken } from "./rate-limit";
import { requestIdsFromEvents, requestIdsFromText } from "./rejection-record";
import { attachSubmittedIds } from "./rejection-trail";

// Built on first use from the settings (never at import: `next build` imports routes), then reused.
let redactionRules: RedactionRules | undefined;

function configuredRedactionRules(): RedactionRules {
  const settings = env();
  redactionRules ??= buildRedactionRules({ extraFields: settings.ERRATA_REDACT_FIELDS, extraPatterns: settings.ERRATA_REDACT_PATTERNS });
  return redactionRules;
}

/** What the pipeline had read when it refused, so the trail can name the submission's request ids. */
interface ReadSoFar {
  text?: string;
  parsed?: ParsedIngestBody;
}

/**
 * Gives a refusal the request ids of its body. Parsed events are read directly (valid or not);
 * a body that did not parse is scanned as text. Refusals before the body is read (rate limit,
 * size) carry none: see `rejection-trail.ts` for why nothing is salvaged from those bodies.
 */
function attachIds(thrown: unknown, read: ReadSoFar): void {
  if (!(thrown instanceof ApiError) || thrown.status >= 500 || read.text === undefined) return;
  try {
    if (read.parsed) attachSubmittedIds(thrown, requestIdsFromEvents(read.parsed.raw), read.parsed.raw.length);
    else attachSubmittedIds(thrown, requestIdsFromText(read.text), null);
  } catch (failure) {
    // The trail is best effort: the refusal the sender gets must stay the one thrown.
    logger.warn({ err: failure }, "could not read request ids from a refused submission");
  }
}

/**
 * One ingest request, in the order that refuses bad submissions cheapest first: rate limit, size
 * (while streaming), signature, validation (all-or-nothing); then secrets are redacted and the
 * events committed. Resolves only after the transaction holding them has committed.
 */
export async function acceptSubmission(request: Request, actor: KeyActor, now = Date.now()): Promise<StoreResult> {
  const settings = env();
  const read: ReadSoFar = {};
  let events: IngestEvent[];
  try {
    await takeIngestToken(actor, now);
    read.text = await readBodyText(request, settings.ERRATA_MAX_BODY_BYTES);
    await verifySubmissionSignature(actor, read.text, request.headers.get(SIGNATURE_HEADER), now);
    read.parsed = splitIngestBody(read.text, request.headers.get("content-type"));
    events = validateIngestBody(read.parsed, settings.ERRATA_MAX_BATCH_EVENTS);
  } catch (thrown) {
    attachIds(thrown, read);
    throw thrown;
  }
  const rules = configuredRedactionRules();
  // The catalog judges the shape the service sent; redaction must not turn into catalog drift.
  const prepared = events.map((event) => ({ ...redactEvent(event, rules), catalogFlag: catalogFlagFor(event.code, event.details) }));
  return commitEvents(prepared, now);
}
