import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BASE_URL, bearer, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { SPIKE_RULE_TEXT } from "@/lib/trends/spike-rule";
import { storeEventsAt, type EventsAt } from "@/lib/trends/test-events";
import { GET } from "./route";

const NOW = Date.parse("2026-11-26T14:20:00Z");
const HOUR = 3_600_000;

/** Two quota errors every hour for 8 days, then 60 in the last hour; one new code 5 minutes ago. */
async function seed() {
  const events: EventsAt[] = [];
  for (let at = NOW - 8 * 24 * HOUR; at < NOW - HOUR; at += HOUR / 2) events.push({ at, orgId: "org_band", code: "common.quota_exceeded", httpStatus: 429 });
  events.push({ at: NOW - 50 * 60_000, orgId: "org_band", code: "common.quota_exceeded", httpStatus: 429, n: 60 });
  events.push({ at: NOW - 5 * 60_000, orgId: "org_band", code: "registration.audio_empty", httpStatus: 422 });
  await storeEventsAt(events);
}

const handler = setupHandlerTests(seed);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

function getSpikes(query = "", key: string | null = handler.keys.read) {
  return GET(new Request(`${BASE_URL}/api/v1/spikes${query}`, { headers: key ? bearer(key) : {} }), routeContext());
}

describe("GET /api/v1/spikes", () => {
  it("judges the last hour by default and answers in snake_case with ISO times and the rule", async () => {
    const response = await getSpikes();
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      window: "1h",
      evaluated_at: "2026-11-26T14:20:00.000Z",
      rule: SPIKE_RULE_TEXT,
      spikes: [
        {
          kind: "spike",
          org_id: "org_band",
          code: "common.quota_exceeded",
          http_status: 429,
          window: "1h",
          from: "2026-11-26T13:20:00.000Z",
          to: "2026-11-26T14:20:00.000Z",
          recent: 60,
          expected: 2,
          spread: expect.any(Number),
          score: expect.any(Number),
          first_seen_at: null,
        },
      ],
      new_codes: [
        expect.objectContaining({ kind: "new_code", code: "registration.audio_empty", http_status: 422, recent: 1, first_seen_at: "2026-11-26T14:15:00.000Z" }),
      ],
    });
  });

  it("judges the last 24 hours when asked", async () => {
    const response = await getSpikes("?window=24h");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { window: string; spikes: { from: string }[] };
    expect(body.window).toBe("24h");
    expect(body.spikes[0]?.from).toBe("2026-11-25T14:20:00.000Z");
  });

  it("refuses an unknown window with 422 naming `window`", async () => {
    const body = await expectEnvelope(await getSpikes("?window=7d"), 422, "common.validation_failed");
    expect(body.details.fields).toEqual([{ path: "window", message: expect.any(String) }]);
  });

  it("needs the read scope", async () => {
    await expectEnvelope(await getSpikes("", null), 401, "common.unauthorized");
    await expectEnvelope(await getSpikes("", handler.keys.ingest), 403, "auth.scope_denied");
  });
});
