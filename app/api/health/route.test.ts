import { describe, expect, it } from "vitest";
import { BASE_URL, routeContext } from "@/lib/testing/handler-fixtures";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("answers 200 {status: ok} without credentials, with a request id", async () => {
    const response = await GET(new Request(`${BASE_URL}/api/health`), routeContext());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("X-Request-Id")).toMatch(/^req_[0-9a-f]{24}$/);
  });
});
