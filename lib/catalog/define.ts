import { z } from "zod";
import type { CatalogEntry } from "./types";

/**
 * Erases an entry's details type so entries with different shapes fit in one list.
 * `explain` is contravariant in its details type, so the erased wrapper re-parses with the
 * entry's own schema instead of casting: callers only ever pass details that already passed
 * that schema, and the second parse costs one small object. This relies on the schemas having
 * no transforms (output re-parses as input); keep it that way.
 */
export function defineEntry<D extends Record<string, unknown>>(entry: CatalogEntry<D>): CatalogEntry {
  const { explain, detailsSchema, ...rest } = entry;
  const erased: CatalogEntry = { ...rest, detailsSchema };
  if (!explain) return erased;
  return { ...erased, explain: (details, event) => explain(detailsSchema.parse(details), event) };
}

/** Codes that document no details: any object passes (absent/null details are checked as `{}`). */
export const openDetails = z.looseObject({});

export const byteCount = z.number().int().nonnegative();

export const countValue = z.number().int().nonnegative();

export const nonEmptyText = z.string().min(1);

/** Scopes arrive as one name or a list of names, depending on the emitter. */
export const scopeValue = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** Reset times: ISO-8601 with a zone, or epoch milliseconds. */
export const timeValue = z.union([z.iso.datetime({ offset: true }), z.number().int().nonnegative()]);
