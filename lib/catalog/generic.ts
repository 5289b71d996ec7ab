import type { RetryVerdict } from "./types";

interface StatusClass {
  label: string;
  /** Completes "HTTP 401 means …". */
  means: string;
  causes: string[];
  customerReply: string;
  retry: { verdict: RetryVerdict; advice: string };
}

const FIX_FIRST = "Retrying the same request is unlikely to help; find and fix the cause first.";

const BY_STATUS: Record<number, StatusClass> = {
  400: {
    label: "Bad request",
    means: "the request was malformed and rejected before it was processed",
    causes: ["A body, header or query parameter the API could not parse."],
    customerReply: "Our API couldn't process this request because part of it was malformed.",
    retry: { verdict: "after_fix", advice: FIX_FIRST },
  },
  401: {
    label: "Credential rejected",
    means: "the caller's credential was missing or rejected",
    causes: ["A missing, malformed, unknown, revoked or expired API key or token."],
    customerReply: "Our API didn't accept the credentials on this request. Please check that your integration sends a current, valid API key.",
    retry: { verdict: "after_fix", advice: "Retrying with the same credential fails the same way; fix the credential first." },
  },
  403: {
    label: "Not allowed",
    means: "the caller was identified but is not allowed to do this",
    causes: ["Missing permission or scope, another organization's resource, or an account restriction such as credits."],
    customerReply: "Your request was understood, but your account isn't allowed to perform it right now.",
    retry: { verdict: "after_fix", advice: FIX_FIRST },
  },
  404: {
    label: "Not found",
    means: "what the request refers to does not exist or is not visible to this caller",
    causes: ["A wrong, expired or already-used id, or one that belongs to another organization or environment."],
    customerReply: "We couldn't find what this request refers to. Please check the ID you used.",
    retry: { verdict: "after_fix", advice: FIX_FIRST },
  },
  408: {
    label: "Timeout",
    means: "the request took too long to arrive or to be processed",
    causes: ["A slow network or an upload that stalled."],
    customerReply: "The request timed out before it could be completed. Please try again.",
    retry: { verdict: "yes_backoff", advice: "Retry with exponential backoff and jitter, using an idempotency key where the API supports one." },
  },
  409: {
    label: "Conflict",
    means: "the request conflicts with the current state of the resource",
    causes: ["A concurrent change, a duplicate submission, or a step run out of order."],
    customerReply: "This request conflicted with a change that had already been made. Please refresh and check the current state before trying again.",
    retry: { verdict: "after_fix", advice: "Re-read the current state first; blind retries hit the same conflict." },
  },
  413: {
    label: "Too large",
    means: "the request body was larger than the API accepts",
    causes: ["An oversized upload or batch."],
    customerReply: "The request was larger than we accept. Please send a smaller file or batch.",
    retry: { verdict: "after_fix", advice: "Reduce the size first; the same body is refused again." },
  },
  415: {
    label: "Unsupported media type",
    means: "the request's Content-Type is not accepted",
    causes: ["A missing or wrong Content-Type header."],
    customerReply: "The request was sent in a format we don't accept. Please check the Content-Type header.",
    retry: { verdict: "after_fix", advice: FIX_FIRST },
  },
  422: {
    label: "Validation failed",
    means: "the request was well-formed but its content failed validation",
    causes: ["A missing, empty or out-of-range field."],
    customerReply: "Some of the information in the request wasn't accepted. Please check the fields named in the error and try again.",
    retry: { verdict: "after_fix", advice: FIX_FIRST },
  },
  429: {
    label: "Rate or quota limit",
    means: "the caller hit a rate limit or a usage quota",
    causes: ["Too many requests in a short time, or a plan quota used up; a retry loop without backoff makes both worse."],
    customerReply: "Your account has hit a usage limit, so requests are paused for now. Please try again later.",
    retry: { verdict: "after_reset", advice: "Wait for the Retry-After header or the limit's reset time before retrying; immediate retries are refused." },
  },
};

const CLIENT_ERROR: StatusClass = {
  label: "Client error",
  means: "the API rejected the request as the caller's problem",
  causes: ["Something in the request itself; the status alone does not say what."],
  customerReply: "Our API couldn't accept this request as sent.",
  retry: { verdict: "after_fix", advice: FIX_FIRST },
};

const SERVER_ERROR: StatusClass = {
  label: "Server error",
  means: "the failure was on the server side, not in the request",
  causes: ["A bug, an overloaded or unavailable dependency, or a deploy in progress."],
  customerReply: "Something went wrong on our side while handling this request. Please try again in a few minutes.",
  retry: { verdict: "yes_backoff", advice: "Retry with exponential backoff and jitter, honouring Retry-After if present; use an idempotency key so a retry cannot apply twice." },
};

const NOT_AN_ERROR: StatusClass = {
  label: "Not an error status",
  means: "nothing went wrong at the HTTP level — error envelopes normally come with 4xx or 5xx",
  causes: ["The emitter attached an error envelope to a non-error response, or recorded the wrong status."],
  customerReply: "This request doesn't appear to have failed at the HTTP level; please tell us what you saw so we can look further.",
  retry: { verdict: "no", advice: "No retry needed for the status itself; check why the emitter recorded an error." },
};

export function statusClass(status: number): StatusClass {
  const exact = BY_STATUS[status];
  if (exact) return exact;
  if (status >= 500) return SERVER_ERROR;
  if (status >= 400) return CLIENT_ERROR;
  return NOT_AN_ERROR;
}

export interface GenericExplanation extends StatusClass {
  summary: string;
  engineerChecks: string[];
}

/** What can honestly be said about a code the catalog does not know: only its HTTP status. */
export function explainUnknownCode(code: string, status: number): GenericExplanation {
  const cls = statusClass(status);
  return {
    ...cls,
    summary: `The code ${code} is not in the catalog, so this explanation rests on the status alone: HTTP ${status} means ${cls.means}.`,
    causes: [...cls.causes, "The code may be new or misspelled by the emitter; it is not documented in the catalog."],
    customerReply: `${cls.customerReply} We're looking into the details of this request and will follow up.`,
    engineerChecks: [
      "Read the event's message and details: for an uncatalogued code they are the only specific information.",
      "Find out which service emits this code and whether it is new; if it is a real code, add it to the catalog.",
      "Check for similar catalogued codes — a typo or casing difference in the emitter would show up here.",
    ],
  };
}
