import { validationFailed, type FieldProblem } from "./api-error";

/**
 * Refuses query and path parameters holding U+0000. No stored text can contain it (PostgreSQL's
 * text cannot hold it, and ingest stores it as U+FFFD there), so such a filter could match nothing;
 * sent to PostgreSQL it would fail the whole query. Refused alike on both backends: 422 naming the
 * parameter, instead of a 500 on one of them.
 */
export function refuseNulCharacters(values: Record<string, unknown>): void {
  const problems: FieldProblem[] = Object.entries(values)
    .filter(([, value]) => typeof value === "string" && value.includes("\u0000"))
    .map(([path]) => ({ path, message: "must not contain the NUL character (U+0000)" }));
  if (problems.length > 0) throw validationFailed(problems);
}
