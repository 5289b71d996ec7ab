import { z } from "zod";
import type { EventCursor, EventFilter } from "@/db/queries/events";

/** `from`/`to` in query strings: ISO-8601 or epoch milliseconds. */
export const queryInstant = z.string().transform((raw, ctx) => {
  // A date-time without a zone is read as UTC, so answers never depend on the server's time zone.
  const iso = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(raw) ? `${raw}Z` : raw;
  const value = /^\d+$/.test(raw) ? Number(raw) : /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(value)) {
    ctx.addIssue({ code: "custom", message: "must be an ISO-8601 date-time or epoch milliseconds" });
    return z.NEVER;
  }
  return value;
});

export function encodeCursor(cursor: EventCursor): string {
  return Buffer.from(`${cursor.occurredAt}:${cursor.id}`, "utf8").toString("base64url");
}

/** The position a cursor names, or null when the text is not a cursor this API issued. */
export function decodeCursor(raw: string): EventCursor | null {
  const match = /^(\d+):(\d+)$/.exec(Buffer.from(raw, "base64url").toString("utf8"));
  return match ? { occurredAt: Number(match[1]), id: Number(match[2]) } : null;
}

const cursorSchema = z.string().transform((raw, ctx) => {
  const cursor = decodeCursor(raw);
  if (!cursor) {
    ctx.addIssue({ code: "custom", message: "is not a cursor returned by this API" });
    return z.NEVER;
  }
  return cursor;
});

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((value) => value || undefined);

/** The filters of `GET /api/v1/events`, shared by its export so both read the same query strings. */
const eventFilterFields = {
  request_id_prefix: optionalText(128),
  org_id: optionalText(128),
  code: optionalText(100),
  http_status: z.coerce.number().int().min(100).max(599).optional(),
  service: optionalText(200),
  from: queryInstant.optional(),
  to: queryInstant.optional(),
  q: optionalText(200),
};

function fromBeforeTo(query: { from?: number; to?: number }): boolean {
  return query.from === undefined || query.to === undefined || query.from < query.to;
}

const TO_AFTER_FROM = { message: "must be later than `from`", path: ["to"] };

/** Query parameters of `GET /api/v1/events`. */
export const listEventsQuery = z
  .object({
    ...eventFilterFields,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: cursorSchema.optional(),
  })
  .refine(fromBeforeTo, TO_AFTER_FROM);

export type ListEventsQuery = z.infer<typeof listEventsQuery>;

export const EXPORT_FORMATS = ["csv", "ndjson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Query parameters of `GET /api/v1/events/export`: the list's filters and a format (CSV unless
 * `format=ndjson`); every match, no paging.
 */
export const exportEventsQuery = z
  .object({ ...eventFilterFields, format: z.enum(EXPORT_FORMATS).default("csv") })
  .refine(fromBeforeTo, TO_AFTER_FROM);

export type ExportEventsQuery = z.infer<typeof exportEventsQuery>;

export function toEventFilter(query: Omit<ListEventsQuery, "limit" | "cursor">): EventFilter {
  return {
    requestIdPrefix: query.request_id_prefix,
    orgId: query.org_id,
    code: query.code,
    httpStatus: query.http_status,
    service: query.service,
    from: query.from,
    to: query.to,
    text: query.q,
  };
}
