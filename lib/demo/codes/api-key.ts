import { API_SCOPES, type CodeSpec } from "./types";

/** Scope a route needed, weighted towards the write scopes integrations most often lack. */
const deniedScopes = [
  { value: "registrations:write", weight: 6 },
  { value: "uploads:write", weight: 3 },
  { value: "keys:manage", weight: 1 },
  { value: "works:read", weight: 1 },
] as const;

/** Scope names people type when creating keys: typos, wrong casing, other APIs' vocabulary. */
const misspelledScopes = ["registration:write", "Registrations:Write", "uploads", "read,write", "admin", "works:write"];

const webhookProblems = [
  { reason: "missing scheme", url: "hooks.example.com/errata" },
  { reason: "unsupported scheme ftp", url: "ftp://example.com/hooks" },
  { reason: "contains whitespace", url: "https://example.com/ hooks" },
  { reason: "template placeholder left in URL", url: "<your-webhook-url>" },
];

/** Authentication and key-management codes of the simulated API. */
export const apiKeySpecs: readonly CodeSpec[] = [
  {
    code: "api_key.invalid_format",
    httpStatus: 401,
    weight: 3,
    routes: "any",
    build: () => ({ message: "Invalid API key format: expected a Bearer token starting with afo_sk_live_", details: {} }),
  },
  {
    code: "api_key.not_found",
    httpStatus: 401,
    weight: 5,
    routes: "any",
    build: (random) => ({
      message: "API key not found",
      details: { key_prefix: `afo_sk_live_${random.hex(4)}` },
    }),
  },
  {
    code: "api_key.revoked",
    httpStatus: 401,
    weight: 2,
    routes: "any",
    build: (random, { occurredAt }) => ({
      message: "API key has been revoked",
      details: { key_prefix: `afo_sk_live_${random.hex(4)}`, revoked_at: new Date(occurredAt - random.int(1, 20) * 86_400_000).toISOString() },
    }),
  },
  {
    code: "api_key.org_mismatch",
    httpStatus: 403,
    weight: 1.5,
    routes: "orgScoped",
    foreignOrgInPath: true,
    build: () => ({ message: "API key does not belong to the organization in the URL", details: {} }),
  },
  {
    code: "api_key.scope_denied",
    httpStatus: 403,
    weight: 8,
    routes: "any",
    build: (random) => {
      const required = random.weighted(deniedScopes);
      return { message: `API key is missing the required scope ${required}`, details: { required } };
    },
    offShape: {
      rate: 0.01,
      service: "legacy-gateway",
      build: (random) => {
        const scope = random.weighted(deniedScopes);
        return { message: `Forbidden: scope ${scope} required`, details: { missing_scope: scope } };
      },
    },
  },
  {
    code: "api_key.org_inactive",
    httpStatus: 403,
    weight: 0.5,
    routes: "any",
    build: () => ({ message: "Organization is inactive", details: {} }),
  },
  {
    code: "api_key.invalid_name",
    httpStatus: 422,
    weight: 0.5,
    routes: "keyManagement",
    build: (random) => ({
      message: random.chance(0.6) ? "Key name must not be empty" : "Key name must be at most 100 characters",
      details: {},
    }),
  },
  {
    code: "api_key.scopes_required",
    httpStatus: 422,
    weight: 0.3,
    routes: "keyManagement",
    build: () => ({ message: "At least one scope is required", details: {} }),
  },
  {
    code: "api_key.unknown_scope",
    httpStatus: 422,
    weight: 0.6,
    routes: "keyManagement",
    build: (random) => {
      const value = random.pick(misspelledScopes);
      return { message: `Unknown scope "${value}"; valid scopes: ${API_SCOPES.join(", ")}`, details: { value } };
    },
  },
  {
    code: "api_key.webhook_url_invalid",
    httpStatus: 422,
    weight: 0.5,
    routes: "keyManagement",
    build: (random) => {
      const problem = random.pick(webhookProblems);
      return { message: `webhook_url is not a valid http(s) URL: ${problem.reason}`, details: { ...problem } };
    },
  },
  {
    code: "api_key.limit_reached",
    httpStatus: 429,
    weight: 0.3,
    routes: "keyManagement",
    build: () => ({ message: "Organization has reached the maximum of 10 API keys", details: { max: 10 } }),
  },
];
