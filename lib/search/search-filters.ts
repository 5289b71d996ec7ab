import { z } from "zod";
import type { EventFilter } from "@/db/queries/events";

const HOUR_MS = 3_600_000;

/** The time ranges the search offers in one click; each reaches back from the moment the search runs. */
export const SEARCH_RANGE_MS = { "1h": HOUR_MS, "24h": 24 * HOUR_MS, "7d": 7 * 24 * HOUR_MS, "30d": 30 * 24 * HOUR_MS } as const;
export type SearchRangePreset = keyof typeof SEARCH_RANGE_MS;
export const SEARCH_RANGES = ["1h", "24h", "7d", "30d", "custom"] as const;
export type SearchRange = (typeof SEARCH_RANGES)[number];

/** Events listed when only filters are given; the export has the rest. */
export const FILTER_MATCH_LIMIT = 50;

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((value) => value || undefined);

/**
 * The search page's filters, as the browser sends them to the search action (validated there: a
 * server action is a public endpoint). No range means any time; "custom" uses `from`/`to`.
 */
export const searchFiltersSchema = z.object({
  orgId: optionalText(128),
  code: optionalText(100),
  httpStatus: z.number().int().min(100).max(599).optional(),
  service: optionalText(200),
  range: z.enum(SEARCH_RANGES).optional(),
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
});

export type SearchFilters = z.input<typeof searchFiltersSchema>;

/** True when any filter narrows the search (a custom range needs at least one end to narrow anything). */
export function hasActiveFilters(filters: SearchFilters): boolean {
  const { orgId, code, httpStatus, service, range, from, to } = filters;
  const timed = range !== undefined && (range !== "custom" || from !== undefined || to !== undefined);
  return Boolean(orgId || code || httpStatus !== undefined || service || timed);
}

/**
 * The data-layer filter the search's filters stand for at `now`: a preset reaches back from `now`
 * and leaves the end open (events stamped a little ahead by a service's clock still show).
 */
export function toEventFilterAt(filters: SearchFilters, now: number): EventFilter {
  const { orgId, code, httpStatus, service, range } = filters;
  const base: EventFilter = { orgId: orgId || undefined, code: code || undefined, httpStatus, service: service || undefined };
  if (range === "custom") return { ...base, from: filters.from, to: filters.to };
  if (range) return { ...base, from: now - SEARCH_RANGE_MS[range] };
  return base;
}
