import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseReadiness } from "@/db/readiness";
import { logger } from "@/lib/log";
import { shutdownStartedAt } from "@/lib/shutdown/drain-registry";
import { BASE_URL, expectEnvelope, routeContext } from "@/lib/testing/handler-fixtures";
import { GET } from "./route";

// The data layer's readiness check is the unit under its own tests; here it answers what each case needs.
vi.mock("@/db/readiness", () => ({ databaseReadiness: vi.fn() }));
vi.mock("@/lib/shutdown/drain-registry", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/shutdown/drain-registry")>()),
  shutdownStartedAt: vi.fn(() => null),
}));
const readiness = vi.mocked(databaseReadiness);

beforeAll(() => {
  logger.level = "silent";
});
afterEach(() => {
  vi.clearAllMocks();
});

const probe = () => GET(new Request(`${BASE_URL}/api/ready`), routeContext());

describe("GET /api/ready", () => {
  it("answers 200 with the dialect and the migrations applied, without credentials, never cached", async () => {
    readiness.mockResolvedValue({ ready: true, dialect: "postgres", migrations: 3 });
    const response = await probe();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", database: { dialect: "postgres", migrations: 3 } });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Request-Id")).toMatch(/^req_[0-9a-f]{24}$/);
  });

  it.each([
    { dialect: "sqlite" as const, reason: "1 of 2 migrations applied" },
    { dialect: "postgres" as const, reason: "database unreachable" },
  ])("answers 503 service_unavailable with the reason when the database is not ready ($reason)", async ({ dialect, reason }) => {
    readiness.mockResolvedValue({ ready: false, dialect, reason });
    const response = await probe();
    const body = await expectEnvelope(response, 503, "common.service_unavailable");
    expect(body.details).toEqual({ reason, dialect });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("answers 503 shutting_down once shutdown has begun, without asking the database", async () => {
    vi.mocked(shutdownStartedAt).mockReturnValueOnce(Date.now());
    const response = await probe();
    const body = await expectEnvelope(response, 503, "common.service_unavailable");
    expect(body.details).toMatchObject({ reason: "shutting_down" });
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(readiness).not.toHaveBeenCalled();
  });
});
