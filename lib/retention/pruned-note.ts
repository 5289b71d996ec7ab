import type { PrunedEventRow } from "@/db/schema";

/**
 * What a tombstone tells of a request the retention deleted (db/queries/retention.ts): its
 * organization, code, status and time. Plain values, so search results can carry it to the browser.
 */
export interface PrunedNote extends PrunedEventRow {
  /** The organization's display name, where the page looked it up. */
  orgName?: string | null;
}
