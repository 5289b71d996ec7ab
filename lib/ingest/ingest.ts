import "server-only";

import { storeEvents, type StoreResult } from "@/db/queries/events";
import { catalogFlagFor } from "@/lib/catalog";
import { splitIngestBody, validateIngestBody } from "./parse-body";

export interface IngestLimits {
  maxEvents: number;
}

/**
 * Validates a whole submission, flags events the catalog does not describe, and stores them in one
 * transaction. Throws the envelope for the first reason the submission as a whole is refused.
 */
export function ingestBody(text: string, contentType: string | null, limits: IngestLimits, now = Date.now()): StoreResult {
  const events = validateIngestBody(splitIngestBody(text, contentType), limits.maxEvents);
  const flagged = events.map((event) => ({ ...event, catalogFlag: catalogFlagFor(event.code, event.details) }));
  return storeEvents(flagged, now);
}
