import { z } from "zod";

const MAX_DETAILS_BYTES = 16 * 1024;

const identifier = z
  .string()
  .min(1, "must not be empty")
  .max(128, "must be at most 128 characters")
  .regex(/^[A-Za-z0-9_\-.:]*$/, "may contain only A-Z a-z 0-9 _ - . :");

export const codeSchema = z
  .string()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  // Empty input is reported once, by `min`, not again as a pattern mismatch.
  .regex(/^$|^[a-z0-9_]+(\.[a-z0-9_]+)*$/, "must be lowercase and dotted, e.g. api_key.revoked");

/**
 * Deeper details are refused before they are serialized: JSON.stringify recurses, and a few thousand
 * levels (well within the body limit) exhaust the stack. No envelope's details need more.
 */
export const MAX_DETAILS_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `max` levels; iterative, so any depth is safe to ask. */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    if (next.depth > max) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

const details = z
  .record(z.string(), z.unknown(), { error: "must be a JSON object or null" })
  .nullable()
  .superRefine((value, context) => {
    if (value === null) return;
    if (nestsDeeperThan(value, MAX_DETAILS_DEPTH)) {
      context.addIssue({ code: "custom", message: `must be nested at most ${MAX_DETAILS_DEPTH} levels deep` });
    } else if (Buffer.byteLength(JSON.stringify(value), "utf8") > MAX_DETAILS_BYTES) {
      context.addIssue({ code: "custom", message: `must be at most ${MAX_DETAILS_BYTES} bytes when serialized` });
    }
  });

/** Largest timestamp JavaScript dates represent (year 275760); anything beyond is not a time. */
const MAX_EPOCH_MS = 8.64e15;

export const instantSchema = z.union(
  [
    z.iso.datetime({ offset: true }).transform((iso) => Date.parse(iso)).pipe(z.number().min(0, "must not be before 1970")),
    z.number().int().min(0).max(MAX_EPOCH_MS),
  ],
  { error: "must be an ISO-8601 date-time with a time zone or epoch milliseconds" },
);

const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** Optional context fields shared by both event forms. */
const contextFields = {
  org_id: identifier,
  http_status: z.number({ error: "must be an integer" }).int("must be an integer").min(100).max(599),
  occurred_at: instantSchema.optional(),
  service: shortText(100).nullish(),
  method: shortText(16).nullish(),
  path: shortText(1000).nullish(),
  environment: z.enum(["live", "test"], { error: "must be live or test" }).nullish(),
};

const envelopeFields = {
  request_id: identifier,
  code: codeSchema,
  message: shortText(2000).nullish(),
  details: details.optional(),
};

/** An event with the envelope's fields at the top level. */
export const flatEventSchema = z.object({ ...contextFields, ...envelopeFields });

/** An event carrying the response body exactly as the service returned it. */
export const wrappedEventSchema = z.object({ ...contextFields, envelope: z.object(envelopeFields) });

export type FlatEventInput = z.infer<typeof flatEventSchema>;

/** A validated event, normalized from either form. */
export interface IngestEvent {
  requestId: string;
  orgId: string;
  httpStatus: number;
  code: string;
  message: string | null;
  details: Record<string, unknown> | null;
  occurredAt: number | null;
  service: string | null;
  method: string | null;
  path: string | null;
  environment: "live" | "test" | null;
}

function fromFlat(input: FlatEventInput): IngestEvent {
  return {
    requestId: input.request_id,
    orgId: input.org_id,
    httpStatus: input.http_status,
    code: input.code,
    message: input.message ?? null,
    details: input.details ?? null,
    occurredAt: input.occurred_at ?? null,
    service: input.service ?? null,
    method: input.method?.toUpperCase() ?? null,
    path: input.path ?? null,
    environment: input.environment ?? null,
  };
}

export type EventParseResult = { ok: true; event: IngestEvent } | { ok: false; error: z.ZodError };

/** Validates one event in either form; an object with an `envelope` key is the wrapped form. */
export function parseEvent(value: unknown): EventParseResult {
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "envelope" in value) {
    const parsed = wrappedEventSchema.safeParse(value);
    if (!parsed.success) return { ok: false, error: parsed.error };
    const { envelope, ...context } = parsed.data;
    return { ok: true, event: fromFlat({ ...context, ...envelope }) };
  }
  const parsed = flatEventSchema.safeParse(value);
  return parsed.success ? { ok: true, event: fromFlat(parsed.data) } : { ok: false, error: parsed.error };
}
