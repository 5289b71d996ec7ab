import { ApiError, badRequest, type FieldProblem } from "@/lib/http/api-error";
import { fieldProblems } from "@/lib/http/zod-problems";
import { parseEvent, type IngestEvent } from "@/lib/envelope/event-schema";

export type IngestForm = "single" | "batch" | "ndjson";

export interface ParsedIngestBody {
  form: IngestForm;
  /** One entry per submitted event, valid or not, so rejections can still name request ids. */
  raw: unknown[];
}

const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json$/;
const NDJSON_TYPES = new Set(["application/x-ndjson", "application/ndjson", "application/jsonl"]);
/** More problems than this are counted, not listed: the envelope stays readable and bounded. */
const MAX_LISTED_PROBLEMS = 200;

function parseJson(text: string, line?: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = line === undefined ? "" : ` on line ${line}`;
    throw badRequest(`The body is not valid JSON${where}.`, {
      reason: "invalid_json",
      ...(line === undefined ? {} : { line }),
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Splits the body into the submitted events according to its media type, without validating them. */
export function splitIngestBody(text: string, contentType: string | null): ParsedIngestBody {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!text.trim()) throw badRequest("The request body is empty.", { reason: "empty_body" });

  if (NDJSON_TYPES.has(mediaType)) {
    const raw: unknown[] = [];
    text.split(/\r?\n/).forEach((line, index) => {
      if (line.trim()) raw.push(parseJson(line, index + 1));
    });
    return { form: "ndjson", raw };
  }
  if (JSON_TYPES.test(mediaType)) {
    const value = parseJson(text);
    if (isPlainObject(value) && "events" in value) {
      if (!Array.isArray(value.events)) {
        throw new ApiError(422, "common.validation_failed", "`events` must be an array of events.", {
          fields: [{ path: "events", message: "must be an array of events" }],
        });
      }
      return { form: "batch", raw: value.events };
    }
    return { form: "single", raw: [value] };
  }
  throw new ApiError(415, "ingest.unsupported_media_type", "Send events as application/json or application/x-ndjson.", {
    content_type: mediaType || null,
    supported: ["application/json", "application/x-ndjson"],
  });
}

/**
 * Validates every submitted event. A batch is all-or-nothing, so one bad event rejects the request
 * with every problem named by its path (`events[3].code`).
 */
export function validateIngestBody(body: ParsedIngestBody, maxEvents: number): IngestEvent[] {
  if (body.raw.length === 0) {
    throw new ApiError(422, "common.validation_failed", "The batch contains no events.", {
      fields: [{ path: "events", message: "must contain at least one event" }],
    });
  }
  if (body.raw.length > maxEvents) {
    throw new ApiError(422, "ingest.too_many_events", `Send at most ${maxEvents} events per request.`, {
      count: body.raw.length,
      max: maxEvents,
    });
  }
  const events: IngestEvent[] = [];
  const problems: FieldProblem[] = [];
  body.raw.forEach((value, index) => {
    const result = parseEvent(value);
    if (result.ok) events.push(result.event);
    else problems.push(...fieldProblems(result.error, body.form === "single" ? [] : ["events", index]));
  });
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    const noun = problems.length === 1 ? "field is" : "fields are";
    throw new ApiError(422, "common.validation_failed", `${problems.length} ${noun} invalid; nothing was stored.`, {
      fields: listed,
      ...(problems.length > listed.length ? { unlisted_problems: problems.length - listed.length } : {}),
    });
  }
  return events;
}
