import type { IngestEvent } from "./event-schema";
import { cardMarker, isCardNumber, redactCardNumbers } from "./redact-card";
import { DEFAULT_RULES, isSecretFieldName, knownTokenReplacement, REDACTED, type RedactionRules, type TextRule } from "./redact-rules";

export { buildRedactionRules, DEFAULT_RULES, REDACTED, type RedactionRules } from "./redact-rules";

function applyRule(text: string, rule: TextRule): string {
  return text.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
    // After the groups, String#replace passes the offset: the first number marks where groups end.
    const groupCount = rest.findIndex((arg) => typeof arg === "number");
    const groups = rest.slice(0, groupCount).map((group) => (typeof group === "string" ? group : ""));
    return rule.replace(match, groups);
  });
}

/** Free text with every recognisable secret replaced: tokens, Bearer values, named values, card numbers. */
export function redactText(text: string, rules: RedactionRules = DEFAULT_RULES): string {
  let out = text;
  for (const rule of rules.textRules) out = applyRule(out, rule);
  return redactCardNumbers(out, REDACTED);
}

const WHOLE_BEARER = /^(Bearer\s+)(\S+)$/i;

/**
 * The value of a field named like a secret: all of it goes, unless it is one recognisable token
 * (alone or as `Bearer <token>`), whose kept prefix helps support.
 */
function redactSecretString(value: string): string {
  const trimmed = value.trim();
  const bearer = WHOLE_BEARER.exec(trimmed);
  const known = bearer ? knownTokenReplacement(bearer[2] ?? "") : knownTokenReplacement(trimmed);
  return known ? `${bearer?.[1] ?? ""}${known}` : REDACTED;
}

function redactNumber(value: number): number | string {
  // Only integers can be card numbers; beyond 2^53 digits are already lost, and the catalog sees the original.
  if (!Number.isSafeInteger(value) || value < 0) return value;
  const digits = String(value);
  return isCardNumber(digits) ? cardMarker(digits, REDACTED) : value;
}

/**
 * A JSON value with secrets replaced, rebuilt rather than changed in place. Under a field named like
 * a secret every string and number goes, at any depth and inside arrays; booleans and null stay,
 * since they cannot carry one (`has_password: true` is worth keeping).
 */
export function redactJson(value: unknown, rules: RedactionRules = DEFAULT_RULES, secret = false): unknown {
  if (typeof value === "string") return secret ? redactSecretString(value) : redactText(value, rules);
  if (typeof value === "number") return secret ? REDACTED : redactNumber(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, rules, secret));
  if (value !== null && typeof value === "object") {
    // fromEntries defines own properties, so a `__proto__` key stays data and never becomes a prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redactText(key, rules), redactJson(item, rules, secret || isSecretFieldName(key, rules))]),
    );
  }
  return value;
}

function redactOptional(text: string | null, rules: RedactionRules): string | null {
  return text === null ? null : redactText(text, rules);
}

/**
 * The event as it may be stored: secrets in its free text (message, details at any depth, path
 * with its query string, service, method) replaced by `[redacted]`. Identifiers (request id,
 * organization, code) are kept verbatim: they are how the event is found. Never mutates the input.
 */
export function redactEvent(event: IngestEvent, rules: RedactionRules = DEFAULT_RULES): IngestEvent {
  return {
    ...event,
    message: redactOptional(event.message, rules),
    details: event.details === null ? null : (redactJson(event.details, rules) as Record<string, unknown>),
    path: redactOptional(event.path, rules),
    service: redactOptional(event.service, rules),
    method: redactOptional(event.method, rules),
  };
}
