import { KEY_MARKER } from "@/lib/auth/api-key-secret";
import { redactText } from "@/lib/envelope/redact";
import type { ApiError } from "@/lib/http/api-error";

/** Request ids kept per refused submission: enough for support, bounded for storage. */
export const MAX_IDS_PER_SUBMISSION = 100;
const MAX_SUMMARY_CHARS = 300;
const LISTED_PROBLEMS = 3;
/** Ids support can search for: the contract's id alphabet. Anything else is not worth keeping. */
const REQUEST_ID = /^[A-Za-z0-9_\-.:]{1,128}$/;
/** A `request_id` member in raw JSON text, for bodies that did not parse. */
const REQUEST_ID_IN_TEXT = /"request_id"\s*:\s*"([A-Za-z0-9_\-.:]{1,128})"/g;
/** Errata's display prefix: the marker and the 8 characters `keys list` shows. */
const DISPLAY_PREFIX = new RegExp(`^${KEY_MARKER}[A-Za-z0-9_-]{8}`);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function submittedId(event: unknown): unknown {
  if (!isObject(event)) return undefined;
  return isObject(event.envelope) ? event.envelope.request_id : event.request_id;
}

function collect(ids: Iterable<unknown>, cap: number): string[] {
  const kept = new Set<string>();
  for (const id of ids) {
    if (kept.size >= cap) break;
    if (typeof id === "string" && REQUEST_ID.test(id)) kept.add(id);
  }
  return [...kept];
}

/** The request ids of parsed events, valid or not, in body order, without repeats. */
export function requestIdsFromEvents(raw: readonly unknown[], cap = MAX_IDS_PER_SUBMISSION): string[] {
  return collect(raw.map(submittedId), cap);
}

/** The request ids found in a body that did not parse as a whole (malformed JSON, a wrong media type). */
export function requestIdsFromText(text: string, cap = MAX_IDS_PER_SUBMISSION): string[] {
  function* found() {
    for (const match of text.matchAll(REQUEST_ID_IN_TEXT)) yield match[1];
  }
  return collect(found(), cap);
}

interface FieldProblemLike {
  path: string;
  message: string;
}

function isFieldProblem(value: unknown): value is FieldProblemLike {
  return isObject(value) && typeof value.path === "string" && typeof value.message === "string";
}

/**
 * What support reads next to the code: the first few field problems (`events[3].code: must not be
 * empty; …`) or the refusal's message. Errata's messages echo no input, and redaction runs anyway.
 */
export function refusalSummary(error: ApiError): string {
  const fields = Array.isArray(error.details.fields) ? error.details.fields.filter(isFieldProblem) : [];
  let summary = error.message;
  if (fields.length > 0) {
    const unlisted = typeof error.details.unlisted_problems === "number" ? error.details.unlisted_problems : 0;
    const more = fields.length - LISTED_PROBLEMS + unlisted;
    const listed = fields.slice(0, LISTED_PROBLEMS).map((field) => `${field.path}: ${field.message}`);
    summary = `${listed.join("; ")}${more > 0 ? ` (+${more} more)` : ""}`;
  }
  const redacted = redactText(summary);
  return redacted.length > MAX_SUMMARY_CHARS ? `${redacted.slice(0, MAX_SUMMARY_CHARS - 1)}…` : redacted;
}

/**
 * The display prefix of the Errata key a request presented, never more of it; null when the header
 * holds something else (a foreign token is not Errata's to keep any part of).
 */
export function presentedKeyPrefix(authorization: string | null): string | null {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  return DISPLAY_PREFIX.exec(token ?? "")?.[0] ?? null;
}
