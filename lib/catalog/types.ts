import type { z } from "zod";

/** Who defines a code: the catalogued API (the seed) or Errata itself. */
export type CodeOrigin = "api" | "errata";

/** Whether retrying the same request can succeed, and when. */
export type RetryVerdict = "yes_backoff" | "after_reset" | "after_fix" | "no";

export interface DetailsField {
  /** Key inside `details`, e.g. `required` or `size_bytes`. */
  name: string;
  /** Human type, e.g. "string", "integer (bytes)", "ISO-8601 time". */
  type: string;
  meaning: string;
  /**
   * Whether the reply to the customer may state this value. The customer received the envelope,
   * but a reply is written by support and may be forwarded: key prefixes and values naming our
   * internals stay with the agent, who sees them in the explanation.
   */
  customerSafe: boolean;
}

/** Facts an entry derives from one event's own `details` values. */
export interface DetailNote {
  field: string;
  /** The value as a person reads it ("70 MiB", "read", "2026-11-26 14:00 UTC"). */
  value: string;
  note: string;
}

export interface EventFacts {
  code: string;
  httpStatus: number;
  details: unknown;
  /** Epoch milliseconds; lets explanations say "in 3 hours" relative to the event. */
  occurredAt?: number;
}

/** What an entry says about one event, built from its validated details. */
export interface SpecificExplanation {
  /** One sentence naming this event's values ("The upload was 70 MiB; the limit is 50 MiB."). */
  summary?: string;
  notes?: DetailNote[];
  /** Customer reply with this event's values filled in. */
  customerReply?: string;
  /** Retry advice with this event's values (e.g. the reset time). */
  retryAdvice?: string;
}

export interface CatalogEntry<D extends Record<string, unknown> = Record<string, unknown>> {
  code: string;
  /** The HTTP status the catalog documents for this code. */
  httpStatus: number;
  /** First segment of the code: `api_key`, `registration`, `common`, `ingest`, `auth`. */
  family: string;
  origin: CodeOrigin;
  /** True when Errata's own API answers with this code (shared `common.*` codes included). */
  returnedByErrata: boolean;
  /** Short title ("API key revoked"). */
  title: string;
  /** The catalog's meaning, as the seed words it. */
  meaning: string;
  detailsFields: DetailsField[];
  /** Shape of `details` for this code; events that do not match are stored but flagged. */
  detailsSchema: z.ZodType<D>;
  causes: string[];
  /** Generic reply to the customer (no internal fields). */
  customerReply: string;
  engineerChecks: string[];
  retry: { verdict: RetryVerdict; advice: string };
  /** Event-specific wording; called only with details that passed `detailsSchema`. */
  explain?: (details: D, event: EventFacts) => SpecificExplanation;
}

export type DetailsCheck =
  | { status: "ok" }
  | { status: "mismatch"; issues: { path: string; message: string }[] }
  | { status: "unknown_code" };

/** Stored on each event at ingest: null when the code is known and its details match. */
export type CatalogFlag = "unknown_code" | "details_mismatch";

export interface Explanation {
  code: string;
  inCatalog: boolean;
  origin: CodeOrigin | null;
  family: string;
  title: string;
  /** The event's own status; `catalogStatus` is what the catalog documents (null when unknown). */
  httpStatus: number;
  catalogStatus: number | null;
  summary: string;
  meaning: string;
  notes: DetailNote[];
  causes: string[];
  customerReply: string;
  engineerChecks: string[];
  retry: { verdict: RetryVerdict; advice: string };
  detailsCheck: DetailsCheck;
}
