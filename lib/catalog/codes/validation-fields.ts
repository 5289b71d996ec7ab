import { z } from "zod";
import { formatList } from "../format";

const pathValue = z.union([z.string().min(1), z.array(z.union([z.string(), z.number().int()])).min(1)]);

const fieldItem = z.union([
  z.string().min(1),
  z
    .looseObject({ path: pathValue.optional(), field: pathValue.optional(), message: z.string().optional() })
    .refine((item) => item.path !== undefined || item.field !== undefined, "each entry needs a path or field"),
]);

/**
 * Emitters disagree on the shape of `details.fields`: a list of `{path|field, message}`
 * (zod-style, sometimes with array paths), bare field names, or a `{path: message}` map.
 */
export const fieldsValue = z.union([
  z.array(fieldItem).min(1),
  z
    .record(z.string(), z.union([z.string(), z.array(z.string())]))
    .refine((map) => Object.keys(map).length > 0, "fields must name at least one field"),
]);

export type FieldsValue = z.infer<typeof fieldsValue>;

export interface FieldProblem {
  path: string;
  message?: string;
}

function joinPath(path: z.infer<typeof pathValue>): string {
  if (typeof path === "string") return path;
  return path.reduce<string>(
    (acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg),
    "",
  );
}

export function fieldProblems(fields: FieldsValue): FieldProblem[] {
  if (!Array.isArray(fields)) {
    return Object.entries(fields).map(([path, message]) => ({
      path,
      message: typeof message === "string" ? message : message.join("; "),
    }));
  }
  return fields.map((item) => {
    if (typeof item === "string") return { path: item };
    const path = joinPath(item.path ?? item.field ?? "");
    return item.message ? { path, message: item.message } : { path };
  });
}

const MAX_LISTED = 8;

/** "title (must not be empty) and creators (required)"; long lists are cut with a count of the rest. */
export function describeFieldProblems(problems: readonly FieldProblem[]): string {
  const shown = problems.slice(0, MAX_LISTED).map((p) => (p.message ? `${p.path} (${p.message})` : p.path));
  const rest = problems.length - shown.length;
  return formatList(rest > 0 ? [...shown, `${rest} more`] : shown);
}

/** Just the field names, for customer-facing text where validator wording may be too technical. */
export function describeFieldNames(problems: readonly FieldProblem[]): string {
  const names = [...new Set(problems.map((p) => p.path))];
  const shown = names.slice(0, MAX_LISTED);
  const rest = names.length - shown.length;
  return formatList(rest > 0 ? [...shown, `${rest} more`] : shown);
}
