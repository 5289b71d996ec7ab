import { z } from "zod";

/** `ERRATA_REDACT_FIELDS`: extra field names, comma-separated, matched like the built-in ones. */
export const redactFieldsSetting = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((name) => name.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[A-Za-z0-9_.-]{2,64}$/, "each field name must be 2–64 characters of A-Z a-z 0-9 _ . -")));

function patternProblem(source: string): string | undefined {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, "g");
  } catch (error) {
    return `${JSON.stringify(source)} is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  // A pattern matching nothing at all would insert `[redacted]` between every character.
  if (pattern.test("")) return `${JSON.stringify(source)} matches the empty string`;
  return undefined;
}

/**
 * `ERRATA_REDACT_PATTERNS`: extra regular expressions (JavaScript syntax), separated by whitespace
 * because commas are common inside patterns (`\d{4,6}`); write a space inside one as `\s` or `\x20`.
 * They come from the operator, not from senders, and are compiled once at start.
 */
export const redactPatternsSetting = z
  .string()
  .default("")
  .transform((value) => value.split(/\s+/).filter(Boolean))
  .pipe(
    z.array(z.string()).superRefine((sources, context) => {
      for (const source of sources) {
        const problem = patternProblem(source);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }
    }),
  );
