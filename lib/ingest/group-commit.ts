import "server-only";

import { storeEvents, type NewEvent, type StoreResult } from "@/db/queries/events";

// Placeholder during the ingest hardening work (issue 4): group commit replaces it.
export async function commitEvents(events: NewEvent[], now: number): Promise<StoreResult> {
  return storeEvents(events, now);
}
