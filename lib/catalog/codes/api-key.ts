import { z } from "zod";
import { defineEntry, openDetails, scopeValue } from "../define";
import { asList, formatList, quote } from "../format";
import type { CatalogEntry } from "../types";

const base = { family: "api_key", origin: "api", returnedByErrata: false } as const;

/** Authentication codes; the seed lists them first, before the registration table. */
export const apiKeyAuthEntries: readonly CatalogEntry[] = [
  defineEntry({
    ...base,
    code: "api_key.invalid_format",
    httpStatus: 401,
    title: "Malformed API key",
    meaning: "Bearer doesn’t start with afo_sk_live_",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "The Authorization header carries something other than a live key: a dashboard session token, a test-environment key, or a placeholder such as YOUR_API_KEY.",
      "The header is mangled: `Bearer` missing or doubled, or the value wrapped in quotes or followed by a newline copied from an .env file.",
      "The key was truncated when it was copied from the dashboard, where it is shown only once.",
    ],
    customerReply:
      "Thanks for getting in touch. Our API couldn't read the API key on this request: live keys start with \"afo_sk_live_\" and are sent as \"Authorization: Bearer <key>\". Could you check that your integration sends the complete key, exactly as it was shown when created, without quotes or extra spaces? If the key may have been cut short, creating a new one in the dashboard is the quickest fix.",
    engineerChecks: [
      "In the caller, log only the first 12 characters of the Authorization value and confirm it reads `Bearer afo_sk_live_`.",
      "Inspect the secret store or .env entry for surrounding quotes, whitespace or a trailing newline.",
      "Check whether a test-environment key is configured for a service that calls the live host.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "Do not retry unchanged: the same header fails identically. Correct the key value, then resend.",
    },
  }),
  defineEntry({
    ...base,
    code: "api_key.not_found",
    httpStatus: 401,
    title: "Unknown API key",
    meaning: "Token is unknown — wrong, leaked & rotated, or for the wrong environment",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "The key was rotated (for example after a leak) and this caller still holds the old value in a deploy, cron job or CI secret.",
      "The key was issued for another environment, so the live service has never seen it.",
      "A different key than intended is configured — organizations often hold several, and one was mistyped or swapped.",
    ],
    customerReply:
      "We couldn't match the API key on this request to any active key. This usually means the key your integration uses is out of date — for example after a rotation — or was created for a different environment. Could you compare the key prefix shown in your dashboard's API keys list with the one your integration sends? If none matches, please create a new key and deploy it.",
    engineerChecks: [
      "Take the key prefix from the caller's logs and look it up in the organization's key list; no match means it was never issued here or was deleted.",
      "Check for a recent rotation and list every deploy, job and CI secret that may still hold the previous value.",
      "Confirm the request went to the base URL of the environment the key was issued for.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "Retrying with the same token cannot succeed. Deploy the current key first, then resend.",
    },
  }),
  defineEntry({
    ...base,
    code: "api_key.revoked",
    httpStatus: 401,
    title: "API key revoked",
    meaning: "Key was revoked (revoked_at set)",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "An organization admin revoked the key from the dashboard, for instance while offboarding a team member or cleaning up old keys.",
      "The key was revoked after a suspected leak and its replacement never reached this caller.",
      "A worker or scheduled job still runs an old release with the revoked key baked in.",
    ],
    customerReply:
      "The API key used for this request has been revoked, so our API no longer accepts it. An administrator of your organization can create a new key in the dashboard; once your integration uses it, your requests will go through again. If nobody on your side revoked this key, please let us know and we'll check when it happened.",
    engineerChecks: [
      "Read revoked_at for the key and compare it with the first occurrence of this error to see which deploys were affected.",
      "Group these errors by service and host to find every caller that still needs the replacement key.",
      "If the revocation was not intended by the customer, treat it as a security event before issuing a replacement.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "Revocation is permanent: never retry with this key. Switch the caller to a new key, then resend.",
    },
  }),
  defineEntry({
    ...base,
    code: "api_key.org_mismatch",
    httpStatus: 403,
    title: "Key belongs to another organization",
    meaning: "The key belongs to a different organization than the one in the URL",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "A multi-tenant integration picks one organization's key but builds the URL with another organization's id.",
      "The organization id in the caller's config was copied from another environment or is stale after an account migration.",
      "A label or distributor acting for several organizations reuses a single key for all of them.",
    ],
    customerReply:
      "This request used an API key from one organization to act on a different organization. Each key only works for the organization it was created in. Please check that the organization ID in the request matches the organization that owns the key, or create a key inside the organization you want to work with.",
    engineerChecks: [
      "Look up the key prefix and compare its organization with the org id in the request path.",
      "In multi-tenant callers, check how the key is chosen per organization — a shared default or a cache keyed on the wrong id both produce this.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "Retrying cannot help; pair the URL with the matching organization's key first.",
    },
  }),
  defineEntry({
    ...base,
    code: "api_key.scope_denied",
    httpStatus: 403,
    title: "Key lacks the required scope",
    meaning: "Key is missing the scope this route requires (details.required tells you which)",
    detailsFields: [
      { name: "required", type: "string or string[]", meaning: "The scope (or scopes) the route requires and the key lacks.", customerSafe: true },
    ],
    detailsSchema: z.looseObject({ required: scopeValue }),
    causes: [
      "The key was created with a narrower scope set than this route needs, such as a read-only key calling a registration endpoint.",
      "The integration started using a new endpoint without a key that covers it.",
      "The wrong key from the organization is configured, for example a CI or reporting key in the production uploader.",
    ],
    customerReply:
      "Your API key is valid, but it doesn't include the permission this request needs. An administrator can create a key with the required scope in the dashboard and switch your integration to it.",
    engineerChecks: [
      "Compare details.required with the scopes listed for the key prefix in the organization's key list.",
      "Confirm from the event's method and path that this route really needs that scope, in case the route's requirement changed in a deploy.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "Retrying with the same key fails the same way. Use a key that has the scope, then resend.",
    },
    explain: ({ required }) => {
      const scopes = asList(required);
      const noun = scopes.length === 1 ? "scope" : "scopes";
      const named = formatList(scopes.map(quote));
      return {
        summary: `The key is missing the ${named} ${noun} that this route requires.`,
        notes: [{ field: "required", value: scopes.join(", "), note: `The ${noun} the route requires and the key lacks.` }],
        customerReply: `Your API key is valid, but it doesn't have the ${named} ${noun} this request needs. An administrator can create a key that includes the ${named} ${noun} in the dashboard and switch your integration to it.`,
        retryAdvice: `Retrying with this key fails the same way. Use a key granted ${named}, then resend.`,
      };
    },
  }),
  defineEntry({
    ...base,
    code: "api_key.org_inactive",
    httpStatus: 403,
    title: "Organization inactive",
    meaning: "The organization is soft-deleted or is_active=false",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "The organization was soft-deleted, for example after the customer asked to close the account.",
      "The organization was deactivated (is_active=false) by billing or a compliance hold.",
      "An integration keeps running for an organization that was merged into another account.",
    ],
    customerReply:
      "Requests for this organization are currently refused because the organization is not active. If that is unexpected, please reply with your organization name and we'll review the account status with you.",
    engineerChecks: [
      "Check the organization record: is_active, the soft-delete timestamp, and what changed them and when.",
      "Look in billing and compliance tooling for an automatic deactivation around the first occurrence of this error.",
    ],
    retry: {
      verdict: "no",
      advice: "Do not retry: nothing the caller changes helps until the organization is reactivated by us.",
    },
  }),
];
