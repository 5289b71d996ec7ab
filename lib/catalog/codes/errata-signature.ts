import { z } from "zod";
import { countValue, defineEntry } from "../define";
import { formatSeconds, formatUtc } from "../format";
import type { CatalogEntry } from "../types";
import { authBase, RESEND } from "./errata-auth-base";

type SignatureProblem = "missing" | "malformed" | "mismatch";

/** What each `details.reason` of a refused signature means, for the agent and for the customer. */
const SIGNATURE_PROBLEMS: Record<SignatureProblem, { summary: string; toCustomer: string; fix: string }> = {
  missing: {
    summary: "The request carried no Errata-Signature header, but its key has a signing secret, so every request must be signed.",
    toCustomer: "it carried no Errata-Signature header, and the key it used requires every request to be signed",
    fix: "Please sign every request sent with this key, including retries.",
  },
  malformed: {
    summary: "The Errata-Signature header could not be read.",
    toCustomer: "its Errata-Signature header could not be read",
    fix: "The header must read t=<Unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\">; please check how your service builds it.",
  },
  mismatch: {
    summary: "The signature did not match the body: it was computed over other bytes or with another secret.",
    toCustomer: "its signature did not match the request body",
    fix: "Please compute the signature over the exact bytes sent, with the current signing secret for this key.",
  },
};

/** Codes of signed submissions (keys with a signing secret). */
export const signatureEntries: readonly CatalogEntry[] = [
  defineEntry({
    ...authBase,
    code: "auth.signature_invalid",
    httpStatus: 401,
    title: "Webhook signature invalid",
    meaning: "Errata-Signature is missing, malformed, or does not match the body",
    detailsFields: [{ name: "reason", type: '"missing", "malformed" or "mismatch"', meaning: "What is wrong with the signature header.", customerSafe: true }],
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
    explain: ({ reason }) => ({
      summary: SIGNATURE_PROBLEMS[reason].summary,
      notes: [{ field: "reason", value: reason, note: SIGNATURE_PROBLEMS[reason].summary }],
      customerReply: `Errata refused your service's request because ${SIGNATURE_PROBLEMS[reason].toCustomer}, so its events weren't stored. ${SIGNATURE_PROBLEMS[reason].fix}`,
    }),
  }),
  defineEntry({
    ...authBase,
    code: "auth.signature_expired",
    httpStatus: 401,
    title: "Webhook signature too old",
    meaning: "The signature timestamp is outside the 5-minute replay window",
    detailsFields: [
      { name: "tolerance_seconds", type: "integer (seconds)", meaning: "How far the signature time may be from Errata's clock.", customerSafe: true },
      { name: "timestamp", type: "integer (Unix seconds)", meaning: "The t= value the sender signed.", customerSafe: true },
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
      const signedAtForCustomer =
        timestamp === undefined
          ? ""
          : millis
            ? ` Its timestamp, ${timestamp}, looks like milliseconds; the t= value must be in seconds.`
            : ` It was signed at ${formatUtc(timestamp * 1000)}.`;
      return {
        summary: `The signature timestamp was more than ${window} from Errata's clock${millis ? " — it looks like milliseconds instead of seconds" : ""}.`,
        notes: [{ field: "tolerance_seconds", value: window, note: "Allowed distance between the signature time and Errata's clock." }, ...signedAt],
        customerReply: `Errata refused your service's request because its signature's timestamp was more than ${window} away from Errata's clock, so its events weren't stored.${signedAtForCustomer} Please sign each request just before sending it, with the current time in Unix seconds, and keep the sending host's clock synchronised.`,
        retryAdvice: `Sign each attempt with a fresh timestamp; a signature older than ${window} is always refused. ${RESEND}`,
      };
    },
  }),
];
