import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setIngestRateLimiter } from "@/lib/ingest/rate-limit";
import { discardPendingRejections, flushRejectionTrail } from "@/lib/ingest/rejection-trail";
import { BASE_URL, bearer, countRows, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { anyText, contentType, ingestBody } from "@/lib/testing/ingest-arbitraries";
import { POST } from "./route";

const handler = setupHandlerTests();
const RUNS = { numRuns: 200 };

// Hundreds of requests a second from one key is the point here, not something to throttle.
beforeEach(() => setIngestRateLimiter(null));
afterEach(() => {
  discardPendingRejections();
  setIngestRateLimiter(undefined);
});

function post(body: BodyInit, type: string | null): Promise<Response> {
  const headers: Record<string, string> = bearer(handler.keys.ingest);
  if (type !== null) headers["content-type"] = type;
  return POST(new Request(`${BASE_URL}/api/v1/events`, { method: "POST", body, headers }), routeContext());
}

/** 202 with the counts, or a 4xx unified envelope whose request id matches its header: nothing else. */
async function expectAcceptedOrRefused(response: Response): Promise<number> {
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status === 202) {
    expect(Object.keys(body).sort()).toEqual(["accepted", "duplicates"]);
    return 202;
  }
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(Object.keys(body).sort()).toEqual(["code", "details", "message", "request_id"]);
  expect(body.code).toEqual(expect.stringMatching(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/));
  expect(body.message).toEqual(expect.any(String));
  expect(body.details).toEqual(expect.any(Object));
  expect(body.request_id).toEqual(expect.stringMatching(/^req_[0-9a-f]{24}$/));
  expect(response.headers.get("X-Request-Id")).toBe(body.request_id);
  return response.status;
}

describe("POST /api/v1/events — robustness (fast-check)", () => {
  it("answers any body, JSON or NDJSON, with 202 or a 4xx envelope", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(ingestBody, async ({ body, contentType: type }) => {
        statuses.add(await expectAcceptedOrRefused(await post(body, type)));
      }),
      RUNS,
    );
    expect(statuses.has(202) && [...statuses].some((status) => status >= 400)).toBe(true);
    // The refusals, whatever their bodies held, were written to the trail too.
    await flushRejectionTrail();
    expect(await countRows(handler, handler.t.rejectedIngests)).toBeGreaterThan(0);
  });

  it("answers arbitrary strings and bytes, under any content type", async () => {
    const bytes = fc.uint8Array({ maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, bytes), fc.oneof(contentType, fc.constant(null)), async (body, type) => {
        await expectAcceptedOrRefused(await post(body, type));
      }),
      RUNS,
    );
  });
});
