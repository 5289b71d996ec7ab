import { describe, expect, it } from "vitest";
import { redactFieldsSetting, redactPatternsSetting } from "./redact-settings";

describe("ERRATA_REDACT_FIELDS", () => {
  it("reads a comma-separated list, and nothing when unset", () => {
    expect(redactFieldsSetting.parse(undefined)).toEqual([]);
    expect(redactFieldsSetting.parse(" ssn, x-session-id ,,iban ")).toEqual(["ssn", "x-session-id", "iban"]);
  });

  it.each(["a", "has space", "semi;colon", "x".repeat(65)])("refuses the field name %j", (name) => {
    expect(redactFieldsSetting.safeParse(name).success).toBe(false);
  });
});

describe("ERRATA_REDACT_PATTERNS", () => {
  it("reads whitespace-separated patterns, commas included", () => {
    expect(redactPatternsSetting.parse("acct-\\d{6,12}\n  IBAN\\s?[A-Z]{2}\\d{2}")).toEqual(["acct-\\d{6,12}", "IBAN\\s?[A-Z]{2}\\d{2}"]);
    expect(redactPatternsSetting.parse("")).toEqual([]);
  });

  it("refuses an invalid pattern, and one that matches the empty string, naming it", () => {
    const invalid = redactPatternsSetting.safeParse("ok-\\d+ (unclosed");
    expect(invalid.success ? [] : invalid.error.issues.map((issue) => issue.message)).toEqual([expect.stringContaining('"(unclosed" is not a valid regular expression')]);
    const empty = redactPatternsSetting.safeParse("x* ok");
    expect(empty.success ? [] : empty.error.issues.map((issue) => issue.message)).toEqual(['"x*" matches the empty string']);
  });
});
