import { beforeAll, describe, expect, it } from "vitest";
import { logger } from "@/lib/log";
import { DELETE, GET, PATCH, POST, PUT } from "./route";

beforeAll(() => {
  logger.level = "silent";
});

describe("unknown /api routes", () => {
  it.each([
    ["GET", GET],
    ["POST", POST],
    ["PUT", PUT],
    ["PATCH", PATCH],
    ["DELETE", DELETE],
  ] as const)("answer %s with the 404 envelope, not an HTML page", async (method, handler) => {
    const request = new Request("http://errata.test/api/v1/nope/42?x=1", { method });
    const response = await handler(request, { params: Promise.resolve({ path: ["v1", "nope", "42"] }) });
    expect(response.status).toBe(404);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      code: "common.not_found",
      message: "There is no API route /api/v1/nope/42.",
      details: { resource: "route", method },
      request_id: expect.stringMatching(/^req_[0-9a-f]{24}$/),
    });
    expect(response.headers.get("X-Request-Id")).toBe(body.request_id);
  });
});
