import { z } from "zod";
import { countValue, defineEntry, nonEmptyText, openDetails, scopeValue, timeValue } from "../define";
import { asList, formatList, formatSeconds, formatUtc, quote, relativeToEvent, toEpochMs } from "../format";
import type { CatalogEntry } from "../types";
import { errataIngestEntries } from "./errata-ingest";

const base = { family: "auth", origin: "errata", returnedByErrata: true } as const;

const PREFIX_FIELD = { name: "prefix", type: "string", meaning: "Display prefix of the key (never the key itself)." };

const RESEND = "Events in a rejected request were not stored: buffer them on the sending side and resend once fixed, rather than dropping them.";

const authEntries: readonly CatalogEntry[] = [
  defineEntry({
    ...base,
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
    ...base,
    code: "auth.key_revoked",
    httpStatus: 401,
    title: "Errata key revoked",
    meaning: "The Errata key was revoked",
    detailsFields: [PREFIX_FIELD, { name: "revoked_at", type: "ISO-8601 time", meaning: "When the key was revoked." }],
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
  }),
  defineEntry({
    ...base,
    code: "auth.key_expired",
    httpStatus: 401,
    title: "Errata key expired",
    meaning: "The Errata key is past its expiry time",
    detailsFields: [PREFIX_FIELD, { name: "expired_at", type: "ISO-8601 time", meaning: "When the key stopped working." }],
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
      const when = event.occurredAt === undefined ? formatUtc(at) : `${formatUtc(at)}, ${relativeToEvent(at, event.occurredAt)}`;
      return {
        summary: `The key ${prefix}… expired at ${when}.`,
        notes: [{ field: "expired_at", value: formatUtc(at), note: "The key is refused from this moment on." }],
      };
    },
  }),
  defineEntry({
    ...base,
    code: "auth.scope_denied",
    httpStatus: 403,
    title: "Errata key lacks the required scope",
    meaning: "The Errata key is valid but lacks the scope this route requires",
    detailsFields: [
      { name: "required", type: "string or string[]", meaning: "The scope the route requires." },
      { name: "granted", type: "string or string[]", meaning: "The scopes the key has." },
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
  defineEntry({
    ...base,
    code: "auth.signature_invalid",
    httpStatus: 401,
    title: "Webhook signature invalid",
    meaning: "Errata-Signature is missing, malformed, or does not match the body",
    detailsFields: [{ name: "reason", type: '"missing", "malformed" or "mismatch"', meaning: "What is wrong with the signature header." }],
    detailsSchema: z.looseObject({ reason: z.enum(["missing", "malformed", "mismatch"]) }),
    causes: [
      "The HMAC was computed over re-serialized JSON instead of the exact raw bytes sent (key order, whitespace, escaping differ).",
      "The service signs with an old or different signing secret than the one on this key.",
      "The header is malformed — it must be `t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\">` — or missing while the key has a secret.",
    ],
    customerReply:
      "Errata couldn't verify the signature on your service's request, so its events weren't stored. Please check that the signature is computed over the exact request body being sent, with the current signing secret for this key.",
    engineerChecks: [
      "On the sender, recompute HMAC-SHA256 of `<t>.<raw body>` with the key's secret and compare it with the v1 value sent.",
      "Look for middleware that changes the body after signing (compression, pretty-printing, charset conversion).",
      "Confirm the sender's signing secret was updated if the key's secret was rotated.",
    ],
    retry: { verdict: "after_fix", advice: `Fix the signing code or secret, re-sign and resend. ${RESEND}` },
  }),
  defineEntry({
    ...base,
    code: "auth.signature_expired",
    httpStatus: 401,
    title: "Webhook signature too old",
    meaning: "The signature timestamp is outside the 5-minute replay window",
    detailsFields: [
      { name: "tolerance_seconds", type: "integer (seconds)", meaning: "How far the signature time may be from Errata's clock." },
      { name: "timestamp", type: "integer (Unix seconds)", meaning: "The t= value the sender signed." },
    ],
    detailsSchema: z.looseObject({ tolerance_seconds: countValue, timestamp: countValue.optional() }),
    causes: [
      "The sender's clock drifts by more than the window (no NTP on the host or container).",
      "A signed request waited in a queue or retry buffer and was sent later with its original signature.",
      "The timestamp is in milliseconds instead of Unix seconds.",
    ],
    customerReply:
      "Errata refused your service's request because its signature was too old. Please make sure the service signs each request just before sending it, with a current timestamp in seconds, and that its clock is synchronised.",
    engineerChecks: [
      "Compare the t= value with the event's receive time; a 13-digit t means milliseconds.",
      "Check clock synchronisation on the sending host.",
      "Check whether retries reuse the signature from the first attempt.",
    ],
    retry: { verdict: "after_fix", advice: `Re-sign with a fresh timestamp on every attempt, then resend. ${RESEND}` },
    explain: ({ tolerance_seconds, timestamp }) => {
      const window = formatSeconds(tolerance_seconds);
      // Unix seconds have 10 digits until 2286; 13 digits is a sender putting milliseconds in t=.
      const millis = timestamp !== undefined && timestamp >= 1e11;
      const signedAt =
        timestamp === undefined
          ? []
          : [millis
              ? { field: "timestamp", value: String(timestamp), note: "Looks like milliseconds; t= takes Unix seconds." }
              : { field: "timestamp", value: formatUtc(timestamp * 1000), note: "When the sender signed." }];
      return {
        summary: `The signature timestamp was more than ${window} from Errata's clock${millis ? " — it looks like milliseconds instead of seconds" : ""}.`,
        notes: [{ field: "tolerance_seconds", value: window, note: "Allowed distance between the signature time and Errata's clock." }, ...signedAt],
        retryAdvice: `Sign each attempt with a fresh timestamp; a signature older than ${window} is always refused. ${RESEND}`,
      };
    },
  }),
];

/** Codes Errata's own HTTP layer emits (auth first, then ingest and the generic 500). */
export const errataEntries: readonly CatalogEntry[] = [...authEntries, ...errataIngestEntries];
