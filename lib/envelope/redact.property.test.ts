import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactJson, redactText } from "./redact";

const RUNS = { numRuns: 200 };
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".split("");
const alnum = (min: number, max: number) => fc.array(fc.constantFrom(...ALNUM), { minLength: min, maxLength: max }).map((chars) => chars.join(""));
/** What sits next to a secret in real text: spaces, quotes, `=`, `/`, brackets, `_`. */
const separator = fc.constantFrom(" ", "\n", '"', "'", "=", ":", "/", "(", ")", ",", "_", "?", "&");
const text = fc.string({ maxLength: 40 });

/** A secret, and the part of it that must never reach storage. */
const secret = fc.oneof(
  fc.tuple(fc.constantFrom("live", "test"), alnum(12, 40)).map(([mode, body]) => ({ value: `afo_sk_${mode}_${body}`, hidden: body.slice(2) })),
  alnum(24, 43).map((body) => ({ value: `erk_${body}`, hidden: body.slice(8) })),
  alnum(16, 43).map((body) => ({ value: `whsec_${body}`, hidden: body })),
);

describe("redaction properties", () => {
  it("never lets a recognisable key through, whatever surrounds it", () => {
    fc.assert(
      fc.property(text, separator, secret, separator, text, (before, left, { value, hidden }, right, after) => {
        expect(redactText(`${before}${left}${value}${right}${after}`)).not.toContain(hidden);
      }),
      RUNS,
    );
  });

  it("never lets a Bearer value or a secret field's value through", () => {
    fc.assert(
      fc.property(text, alnum(12, 40), fc.constantFrom("password", "client_secret", "X-Api-Key", "session_token"), (before, value, name) => {
        expect(redactText(`${before} Bearer ${value}`)).not.toContain(value);
        expect(redactText(`${before} ?${name}=${value}&x=1`)).not.toContain(value);
        expect(JSON.stringify(redactJson({ a: [{ [name]: value }] }))).not.toContain(value);
      }),
      RUNS,
    );
  });

  it("is stable: redacting twice changes nothing more", () => {
    fc.assert(
      fc.property(text, separator, secret, text, (before, left, { value }, after) => {
        const once = redactText(`${before}${left}${value} ${after}`);
        expect(redactText(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it("never throws and never changes its input, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const before = JSON.stringify(value);
        const redacted = redactJson(value);
        expect(JSON.stringify(value)).toBe(before);
        expect(() => JSON.stringify(redacted)).not.toThrow();
      }),
      RUNS,
    );
  });

  it("takes linear time on adversarial text", () => {
    const hostile = ["a".repeat(200_000), "a=".repeat(100_000), `"${"a".repeat(199)}`.repeat(1000), "1 ".repeat(100_000), "Bearer ".repeat(30_000)];
    const started = performance.now();
    for (const input of hostile) redactText(input);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
