import { KEY_MARKER, SIGNING_SECRET_MARKER } from "@/lib/auth/api-key-secret";

export const REDACTED = "[redacted]";

/** One pattern of secrets in free text, and what replaces each match. */
export interface TextRule {
  name: string;
  /** Always global: every occurrence in a string is replaced. */
  pattern: RegExp;
  replace: (match: string, groups: readonly string[]) => string;
}

export interface RedactionRules {
  /** Lowercase alphanumeric needles; a field whose normalized name contains one is secret. */
  fieldNeedles: readonly string[];
  /** Applied in order, then card numbers. */
  textRules: readonly TextRule[];
}

/** Field names (matched by substring, like Sentry's scrubber) whose values are secrets at any depth. */
export const DEFAULT_SECRET_FIELDS = ["password", "passwd", "secret", "token", "authorization", "api_key", "cookie"] as const;

/** `API-Key`, `apiKey` and `x_api_key` all read as `apikey`: separators and case carry no meaning here. */
export function normalizeFieldName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function containsNeedle(name: string, needles: readonly string[]): boolean {
  const normalized = normalizeFieldName(name);
  return needles.some((needle) => normalized.includes(needle));
}

export function isSecretFieldName(name: string, rules: RedactionRules): boolean {
  return containsNeedle(name, rules.fieldNeedles);
}

/**
 * A value that is exactly what a rule here leaves behind (`[redacted]`, `afo_sk_live_ab…[redacted]`,
 * `whsec_[redacted]`, `[redacted]…4242`, optionally after `Bearer `), so a later rule keeps its prefix.
 * Exactly, not "contains": `Bearer [redacted], x-api-key: s3cr3t` must still go.
 */
const REDACTION_MARKER = /^(?:Bearer\s+)?(?:whsec_|[A-Za-z0-9_-]{1,24}…)?\[redacted\](?:…\d{4})?\s*$/i;
const alreadyRedacted = (value: string) => REDACTION_MARKER.test(value);

/**
 * Credentials recognisable on their own, wherever they appear, even glued to a name by `_` or `=`
 * (`key_erk_…`); a letter or digit before the marker means a longer word (`clerk_…`). The kept prefixes help support
 * (which environment, which of the customer's keys, which Errata key from `keys list`) and are far
 * too short to guess the rest.
 */
export const TOKEN_RULES: readonly TextRule[] = [
  {
    name: "catalogued-api-key",
    pattern: /(?<![A-Za-z0-9])afo_sk_(live|test)_([A-Za-z0-9_-]{8,})/g,
    replace: (_match, [mode = "", rest = ""]) => `afo_sk_${mode}_${rest.slice(0, 2)}…${REDACTED}`,
  },
  {
    name: "errata-key",
    // 8 characters after the marker form the display prefix `keys list` shows, so a leaked key can be found and revoked.
    pattern: new RegExp(`(?<![A-Za-z0-9])${KEY_MARKER}([A-Za-z0-9_-]{16,})`, "g"),
    replace: (_match, [rest = ""]) => `${KEY_MARKER}${rest.slice(0, 8)}…${REDACTED}`,
  },
  {
    name: "signing-secret",
    pattern: new RegExp(`(?<![A-Za-z0-9])${SIGNING_SECRET_MARKER}[A-Za-z0-9+/=_-]{8,}`, "g"),
    replace: () => `${SIGNING_SECRET_MARKER}${REDACTED}`,
  },
  {
    name: "jwt",
    pattern: /(?<![A-Za-z0-9])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
    replace: () => `eyJ…${REDACTED}`,
  },
];

const WHOLE_TOKEN_RULES = TOKEN_RULES.map((rule) => ({ rule, whole: new RegExp(`^(?:${rule.pattern.source})$`) }));

/** The replacement of a string that is one recognisable credential as a whole, else undefined. */
export function knownTokenReplacement(value: string): string | undefined {
  for (const { rule, whole } of WHOLE_TOKEN_RULES) {
    const match = whole.exec(value);
    if (match) return rule.replace(match[0], match.slice(1).map((group) => group ?? ""));
  }
  return undefined;
}

const BEARER_RULE: TextRule = {
  name: "bearer",
  // RFC 6750 token characters; 8 or more, so prose such as "Bearer token missing" stays readable.
  pattern: /\b(Bearer\s+)([A-Za-z0-9\-._~+/]{8,}=*)/gi,
  replace: (_match, [scheme = "", token = ""]) => `${scheme}${knownTokenReplacement(token) ?? REDACTED}`,
};

/** Secrets recognised by the name next to them; they run after the token rules, whose kept prefixes they leave alone. */
function namedValueRules(isSecretName: (name: string) => boolean): TextRule[] {
  return [
    {
      name: "quoted-field",
      // `"password": "…"` or `'token': 123` inside a message: JSON or a Python repr echoed into text.
      pattern: /(["'])([^"'\\\r\n]{1,200})\1(\s*:\s*)(?:(["'])((?:\\.|(?!\4)[^\\\r\n])*)\4|(-?\d[\d.eE+-]*))/g,
      replace: (match, [quote = "", name = "", separator = "", valueQuote = "", quoted = ""]) => {
        if (!isSecretName(name) || alreadyRedacted(quoted)) return match;
        const value = valueQuote ? `${valueQuote}${REDACTED}${valueQuote}` : `"${REDACTED}"`;
        return `${quote}${name}${quote}${separator}${value}`;
      },
    },
    {
      name: "header-line",
      // A dumped header runs to the end of its line; a Bearer value already redacted keeps its prefix.
      pattern: /(?<![\w-])((?:proxy-)?authorization|set-cookie|cookie|x-api-key)(\s*:\s*)([^\r\n]+)/gi,
      replace: (match, [name = "", separator = "", value = ""]) => (alreadyRedacted(value) ? match : `${name}${separator}${REDACTED}`),
    },
    {
      name: "key-value",
      // Query strings, form bodies and logfmt. The look-behind anchors names at their start, keeping the scan linear.
      pattern: /(?<![\w.[\]-])([\w.[\]-]+)=([^&\s#;,"'<>]+)/g,
      replace: (match, [name = "", value = ""]) => (isSecretName(name) && !alreadyRedacted(value) ? `${name}=${REDACTED}` : match),
    },
  ];
}

export interface RedactionSettings {
  /** Field names redacted in addition to the defaults, matched the same way. */
  extraFields?: readonly string[];
  /** Regular expressions (source text) whose matches are replaced whole. */
  extraPatterns?: readonly string[];
}

/** The rules: defaults plus the configured field names and patterns. */
export function buildRedactionRules(settings: RedactionSettings = {}): RedactionRules {
  const fieldNeedles = [...new Set([...DEFAULT_SECRET_FIELDS, ...(settings.extraFields ?? [])].map(normalizeFieldName))].filter(Boolean);
  const isSecretName = (name: string) => containsNeedle(name, fieldNeedles);
  const extra: TextRule[] = (settings.extraPatterns ?? []).map((source, index) => ({
    name: `configured-${index + 1}`,
    pattern: new RegExp(source, "g"),
    replace: () => REDACTED,
  }));
  // Bearer first (its value may be a known token, kept with its prefix), then the tokens anywhere, then named values.
  return { fieldNeedles, textRules: [BEARER_RULE, ...TOKEN_RULES, ...namedValueRules(isSecretName), ...extra] };
}

export const DEFAULT_RULES: RedactionRules = buildRedactionRules();
