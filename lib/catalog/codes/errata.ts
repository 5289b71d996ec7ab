import { z } from "zod";
import { defineEntry, nonEmptyText, openDetails, scopeValue, timeValue } from "../define";
import { asList, formatList, formatUtc, quote, relativeToEvent, toEpochMs } from "../format";
import type { CatalogEntry } from "../types";
import { authBase, RESEND } from "./errata-auth-base";
import { errataIngestEntries } from "./errata-ingest";
import { signatureEntries } from "./errata-signature";

/** ", 3 days before this error" — empty when the event's time is unknown. */
function sinceEvent(at: number, occurredAt: number | undefined): string {
  return occurredAt === undefined ? "" : `, ${relativeToEvent(at, occurredAt)}`;
}

const prefixNote = (prefix: string) => ({ field: "prefix", value: `${prefix}…`, note: "The key's display prefix, as keys list shows it: for finding the key, not for the customer's reply." });

const PREFIX_FIELD = { name: "prefix", type: "string", meaning: "Display prefix of the key (never the key itself).", customerSafe: false };

const keyEntries: readonly CatalogEntry[] = [
  defineEntry({
    ...authBase,
    code: "auth.key_invalid",
    httpStatus: 401,
    title: "Unknown Errata key",
    meaning: "The bearer value is not a known Errata key",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "The service is configured with a key from another Errata deployment (staging instead of production, or the reverse).",
      "The key was mistyped or truncated — Errata shows a key only once, when it is created.",
      "The header value carries quotes, whitespace or a newline from the service's secret store.",
    ],
    customerReply:
      "Errata didn't recognise the API key your service sent with its events, so they weren't stored. Please compare the key configured for the service with the keys listed in Errata's settings (by prefix) and create a new ingest key if none matches.",
    engineerChecks: [
      "Compare the prefix the service sends with `npm run errata -- keys list` on this deployment.",
      "Check that the service's Errata URL points at the deployment that issued the key.",
    ],
    retry: { verdict: "after_fix", advice: `Retrying with the same key cannot succeed; configure a valid key first. ${RESEND}` },
  }),
  defineEntry({
    ...authBase,
    code: "auth.key_revoked",
    httpStatus: 401,
    title: "Errata key revoked",
    meaning: "The Errata key was revoked",
    detailsFields: [PREFIX_FIELD, { name: "revoked_at", type: "ISO-8601 time", meaning: "When the key was revoked.", customerSafe: true }],
    detailsSchema: z.looseObject({ prefix: nonEmptyText, revoked_at: timeValue }),
    causes: [
      "Someone revoked the key in Errata's settings or with `keys revoke`, e.g. during a rotation, and this service was not updated.",
      "An old instance of the service (a stale pod or a forgotten cron job) still runs with the previous key.",
    ],
    customerReply:
      "The Errata key your service uses has been revoked, so its events are being refused. Please create a new ingest key in Errata's settings and update the service's configuration.",
    engineerChecks: [
      "Find the revoked key by prefix in `keys list` and note when it was revoked.",
      "Group these errors by service and host to find every sender still holding the old key.",
    ],
    retry: { verdict: "after_fix", advice: `A revoked key never works again; switch to a new key. ${RESEND}` },
    explain: ({ prefix, revoked_at }, event) => {
      const at = toEpochMs(revoked_at);
      return {
        summary: `The key ${prefix}… was revoked at ${formatUtc(at)}${sinceEvent(at, event.occurredAt)}.`,
        notes: [prefixNote(prefix), { field: "revoked_at", value: formatUtc(at), note: "The key is refused from this moment on." }],
        // The prefix stays out: the customer finds the key by its service, and the agent has it above.
        customerReply: `The Errata key your service uses was revoked at ${formatUtc(at)}, so its events have been refused since then. Please create a new ingest key in Errata's settings and update the service's configuration.`,
      };
    },
  }),
  defineEntry({
    ...authBase,
    code: "auth.key_expired",
    httpStatus: 401,
    title: "Errata key expired",
    meaning: "The Errata key is past its expiry time",
    detailsFields: [PREFIX_FIELD, { name: "expired_at", type: "ISO-8601 time", meaning: "When the key stopped working.", customerSafe: true }],
    detailsSchema: z.looseObject({ prefix: nonEmptyText, expired_at: timeValue }),
    causes: [
      "The key was created with an expiry and the service was never moved to a replacement.",
      "A short-lived key made for a test or a demo ended up in a long-running service.",
    ],
    customerReply:
      "The Errata key your service uses has expired, so its events are being refused. Please create a new ingest key and update the service; putting its expiry date in your rotation calendar avoids a repeat.",
    engineerChecks: [
      "Check the key's expiry against the time the errors started.",
      "List other keys that expire soon and warn their owners before they hit the same error.",
    ],
    retry: { verdict: "after_fix", advice: `Replace the key, then resend. ${RESEND}` },
    explain: ({ prefix, expired_at }, event) => {
      const at = toEpochMs(expired_at);
      return {
        summary: `The key ${prefix}… expired at ${formatUtc(at)}${sinceEvent(at, event.occurredAt)}.`,
        notes: [prefixNote(prefix), { field: "expired_at", value: formatUtc(at), note: "The key is refused from this moment on." }],
        customerReply: `The Errata key your service uses expired at ${formatUtc(at)}, so its events have been refused since then. Please create a new ingest key and update the service; putting its expiry date in your rotation calendar avoids a repeat.`,
      };
    },
  }),
  defineEntry({
    ...authBase,
    code: "auth.scope_denied",
    httpStatus: 403,
    title: "Errata key lacks the required scope",
    meaning: "The Errata key is valid but lacks the scope this route requires",
    detailsFields: [
      { name: "required", type: "string or string[]", meaning: "The scope the route requires.", customerSafe: true },
      { name: "granted", type: "string or string[]", meaning: "The scopes the key has.", customerSafe: true },
    ],
    detailsSchema: z.looseObject({ required: scopeValue, granted: z.union([z.string(), z.array(z.string())]) }),
    causes: [
      "A read-only key (made for dashboards or scripts) is configured in a service that sends events.",
      "An ingest-only key is used by a script that reads events or trends.",
    ],
    customerReply:
      "The Errata key your service uses is valid but doesn't have the permission this request needs. Please create a key with the right scope — \"ingest\" for sending events, \"read\" for reading them — and use it for this service.",
    engineerChecks: [
      "Compare details.required with details.granted.",
      "Check which component sent the request (sender vs. reporting script) and which key it was meant to have.",
    ],
    retry: { verdict: "after_fix", advice: "Use a key with the required scope; the same key is refused every time." },
    explain: ({ required, granted }) => {
      const need = formatList(asList(required).map(quote));
      const have = asList(granted);
      const hasText = have.length > 0 ? `only has ${formatList(have.map(quote))}` : "has no scopes";
      return {
        summary: `The key ${hasText}; this route requires ${need}.`,
        notes: [
          { field: "required", value: asList(required).join(", "), note: "Scope the route requires." },
          { field: "granted", value: have.join(", ") || "none", note: "Scopes the key has." },
        ],
        customerReply: `The Errata key your service uses ${hasText}, but this request needs ${need}. Please create a key with ${need} in Errata's settings and use it for this service.`,
        retryAdvice: `Switch to a key granted ${need}, then resend.`,
      };
    },
  }),
];

/** Codes Errata's own HTTP layer emits (auth first, then ingest and the generic 500). */
export const errataEntries: readonly CatalogEntry[] = [...keyEntries, ...signatureEntries, ...errataIngestEntries];
