import fc from "fast-check";

/**
 * fast-check arbitraries for ingest bodies: what a broken, confused or hostile sender may post.
 * Sizes stay small and nesting bounded so a few hundred runs per property take about a second.
 */

export interface IngestBodySample {
  body: string;
  contentType: string | null;
}

/** Any UTF-16 unit, lone surrogates included (they become U+FFFD on the wire), mixed with whole graphemes. */
const anyUnit = fc.oneof(fc.string({ unit: "grapheme", maxLength: 1 }), fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)));
export const anyText = fc.string({ unit: anyUnit, maxLength: 200 });

export const anyJson = fc.jsonValue({ maxDepth: 4, stringUnit: "binary" });

export const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("application/json", "application/x-ndjson", "application/json; charset=utf-8", "application/ndjson") },
  { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/problem+json", "APPLICATION/JSON", "", "multipart/form-data; boundary=x") },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** Numbers JSON can spell but JavaScript cannot hold, or only approximately. */
export const hugeNumberText = fc.constantFrom("1e400", "-1e400", "1.7976931348623157e308", "123456789012345678901234567890", "9007199254740993", "-0", "5e-324", "1E+2");

const valid = {
  request_id: fc.stringMatching(/^[A-Za-z0-9_\-.:]{1,40}$/),
  org_id: fc.constantFrom("org_acme", "org_beta", "o"),
  http_status: fc.integer({ min: 100, max: 599 }),
  code: fc.constantFrom("common.validation_failed", "api_key.revoked", "billing.card_declined", "x"),
  message: fc.option(anyText),
  details: fc.option(fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 4 })),
  occurred_at: fc.oneof(fc.integer({ min: 0, max: 8.64e15 }), fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
  service: fc.option(fc.string({ maxLength: 20 })),
  method: fc.option(fc.constantFrom("GET", "POST", "delete")),
  path: fc.option(fc.string({ maxLength: 60 })),
  environment: fc.option(fc.constantFrom("live", "test")),
};

/** Each field mostly right, sometimes any JSON at all (wrong types), sometimes absent. */
function mostlyValid<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary }, { weight: 1, arbitrary: anyJson });
}

const flatEvent = fc.record(
  Object.fromEntries(Object.entries(valid).map(([name, arbitrary]) => [name, mostlyValid(arbitrary as fc.Arbitrary<unknown>)])),
  { requiredKeys: [] },
);

const wrappedEvent = flatEvent.map(({ request_id, code, message, details, ...context }) => ({ ...context, envelope: { request_id, code, message, details } }));

export const eventLike: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: flatEvent }, { weight: 1, arbitrary: wrappedEvent }, { weight: 1, arbitrary: anyJson });

function asBody(events: unknown[], form: "single" | "batch" | "ndjson"): IngestBodySample {
  if (form === "ndjson") return { body: events.map((event) => JSON.stringify(event)).join("\n"), contentType: "application/x-ndjson" };
  return { body: JSON.stringify(form === "single" ? events[0] : { events }), contentType: "application/json" };
}

const eventBody = fc
  .tuple(fc.array(eventLike, { minLength: 1, maxLength: 5 }), fc.constantFrom("single" as const, "batch" as const, "ndjson" as const))
  .map(([events, form]) => asBody(events, form));

/** An event whose field holds a number spelled beyond what JavaScript represents. */
const hugeNumberBody = fc
  .tuple(fc.constantFrom("http_status", "occurred_at", "request_id", "details"), hugeNumberText, fc.constantFrom("application/json", "application/x-ndjson"))
  .map(([field, number, type]) => ({
    body: JSON.stringify({ request_id: "req_huge", org_id: "o", http_status: 500, code: "x", [field]: field === "details" ? { n: "__N__" } : "__N__" }).replace('"__N__"', number),
    contentType: type,
  }));

/** Nesting far past what JSON.stringify can recurse, as the body itself or inside details. */
const deepBody = fc
  .tuple(fc.integer({ min: 1, max: 6000 }), fc.constantFrom("[", '{"a":'), fc.boolean(), fc.constantFrom("application/json", "application/x-ndjson"))
  .map(([depth, open, inDetails, type]) => {
    const close = open === "[" ? "]" : "}";
    const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
    const body = inDetails ? `{"request_id":"req_deep","org_id":"o","http_status":500,"code":"x","details":{"a":${nested}}}` : nested;
    return { body, contentType: type };
  });

const jsonValueBody = fc.tuple(anyJson, contentType).map(([value, type]) => ({ body: JSON.stringify(value), contentType: type }));
const textBody = fc.tuple(anyText, fc.oneof(contentType, fc.constant(null))).map(([body, type]) => ({ body, contentType: type }));

/** Any of the above, weighted towards bodies that get far enough to be validated. */
export const ingestBody: fc.Arbitrary<IngestBodySample> = fc.oneof(
  { weight: 4, arbitrary: eventBody },
  { weight: 2, arbitrary: textBody },
  { weight: 2, arbitrary: jsonValueBody },
  { weight: 1, arbitrary: hugeNumberBody },
  { weight: 1, arbitrary: deepBody },
);
