import { describe, expect, it } from "vitest";
import { BASE_URL, bearer, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { GET } from "./route";

const handler = setupHandlerTests();

function getCode(code: string, key: string | null = handler.keys.read) {
  const request = new Request(`${BASE_URL}/api/v1/codes/${encodeURIComponent(code)}`, { headers: key ? bearer(key) : {} });
  return GET(request, routeContext({ code }));
}

describe("GET /api/v1/codes/{code}", () => {
  it("returns a seed code's entry", async () => {
    const response = await getCode("registration.audio_too_large");
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Request-Id")).toMatch(/^req_/);
    const { code } = (await response.json()) as { code: Record<string, unknown> };
    expect(code).toMatchObject({
      code: "registration.audio_too_large",
      http_status: 413,
      family: "registration",
      origin: "api",
      details_fields: [
        { name: "size_bytes", type: expect.any(String), meaning: expect.any(String) },
        { name: "max_bytes", type: expect.any(String), meaning: expect.any(String) },
      ],
      retry: { verdict: expect.any(String), advice: expect.any(String) },
    });
    expect(code.customer_reply).toEqual(expect.any(String));
    expect(code.causes).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it("returns Errata's own codes", async () => {
    const response = await getCode("auth.scope_denied");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { code: Record<string, unknown> }).code).toMatchObject({
      code: "auth.scope_denied",
      http_status: 403,
      origin: "errata",
      returned_by_errata: true,
    });
  });

  it.each(["billing.card_declined", "REGISTRATION.AUDIO_TOO_LARGE", "registration"])("answers %s with 404 naming the code", async (code) => {
    const body = await expectEnvelope(await getCode(code), 404, "common.not_found");
    expect(body.details).toEqual({ resource: "code", id: code });
  });

  it("needs the read scope", async () => {
    await expectEnvelope(await getCode("common.internal", null), 401, "common.unauthorized");
    await expectEnvelope(await getCode("common.internal", handler.keys.ingest), 403, "auth.scope_denied");
  });
});
