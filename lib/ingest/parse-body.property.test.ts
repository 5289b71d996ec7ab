import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { anyJson, anyText, contentType, ingestBody, type IngestBodySample } from "@/lib/testing/ingest-arbitraries";
import { splitIngestBody, validateIngestBody } from "./parse-body";

const RUNS = { numRuns: 200 };
const ID = /^[A-Za-z0-9_\-.:]{1,128}$/;

/** Runs the validator on one body: it must return events or throw a 4xx ApiError, and nothing else. */
function validate({ body, contentType: type }: IngestBodySample): "accepted" | "refused" {
  try {
    const events = validateIngestBody(splitIngestBody(body, type), 1000);
    for (const event of events) {
      expect(event.requestId).toMatch(ID);
      expect(event.orgId).toMatch(ID);
      expect(Number.isInteger(event.httpStatus) && event.httpStatus >= 100 && event.httpStatus <= 599).toBe(true);
      expect(() => JSON.stringify(event)).not.toThrow();
    }
    return "accepted";
  } catch (thrown) {
    if (!(thrown instanceof ApiError)) throw thrown;
    expect(thrown.status).toBeGreaterThanOrEqual(400);
    expect(thrown.status).toBeLessThan(500);
    expect(thrown.code).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
    // The envelope's details must serialize, and stay bounded whatever was sent.
    expect(JSON.stringify(thrown.details).length).toBeLessThan(64 * 1024);
    return "refused";
  }
}

describe("ingest validator — robustness (fast-check)", () => {
  it("answers any body with events or a 4xx refusal", () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(ingestBody, (sample) => {
        outcomes.add(validate(sample));
      }),
      RUNS,
    );
    // The generator is biased towards well-formed events, so both outcomes must have been exercised.
    expect(outcomes).toEqual(new Set(["accepted", "refused"]));
  });

  it("answers arbitrary strings, under any content type", () => {
    fc.assert(fc.property(anyText, fc.oneof(contentType, fc.constant(null)), (body, type) => void validate({ body, contentType: type })), RUNS);
  });

  it("answers arbitrary JSON values, as one document or one per line", () => {
    fc.assert(
      fc.property(fc.array(anyJson, { minLength: 1, maxLength: 5 }), (values) => {
        validate({ body: JSON.stringify(values[0]), contentType: "application/json" });
        validate({ body: JSON.stringify({ events: values }), contentType: "application/json" });
        validate({ body: values.map((value) => JSON.stringify(value)).join("\n"), contentType: "application/x-ndjson" });
      }),
      RUNS,
    );
  });
});
