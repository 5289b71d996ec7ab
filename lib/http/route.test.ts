import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { logger } from "@/lib/log";
import { ApiError } from "./api-error";
import { route } from "./route";

const URL_ = "http://errata.test/api/v1/things";
const noParams = { params: Promise.resolve({}) };

interface Envelope {
  code: string;
  message: string;
  details: Record<string, unknown>;
  request_id: string;
}

/** Checks the unified envelope shape and the header/body request id agreement, then returns the body. */
async function envelopeOf(response: Response): Promise<Envelope> {
  const body = (await response.json()) as Envelope;
  expect(Object.keys(body).sort()).toEqual(["code", "details", "message", "request_id"]);
  expect(body.request_id).toMatch(/^req_[0-9a-f]{24}$/);
  expect(response.headers.get("X-Request-Id")).toBe(body.request_id);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return body;
}

function spyOnRequestLog() {
  const log = { error: vi.fn(), info: vi.fn(), warn: vi.fn() };
  const child = vi.spyOn(logger, "child").mockReturnValue(log as unknown as ReturnType<typeof logger.child>);
  return { log, child };
}

beforeAll(() => {
  logger.level = "silent";
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("route — success", () => {
  it("replies with JSON and the request id header", async () => {
    const handler = route({ auth: "none" }, ({ reply, requestId }) => reply({ ok: true, seen: requestId }, 201));
    const response = await handler(new Request(URL_), noParams);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { ok: boolean; seen: string };
    expect(body.ok).toBe(true);
    expect(response.headers.get("X-Request-Id")).toBe(body.seen);
  });

  it("gives every request its own id", async () => {
    const handler = route({ auth: "none" }, ({ reply }) => reply({}));
    const ids = await Promise.all([1, 2, 3].map(async () => (await handler(new Request(URL_), noParams)).headers.get("X-Request-Id")));
    expect(new Set(ids).size).toBe(3);
  });

  it("passes parsed query and params to the handler", async () => {
    const handler = route(
      { auth: "none", query: z.object({ limit: z.coerce.number() }), params: z.object({ id: z.string() }) },
      ({ query, params, reply }) => reply({ limit: query.limit, id: params.id }),
    );
    const response = await handler(new Request(`${URL_}?limit=7`), { params: Promise.resolve({ id: "abc" }) });
    expect(await response.json()).toEqual({ limit: 7, id: "abc" });
  });
});

describe("route — errors", () => {
  it("turns a thrown ApiError into the envelope with its status, details and headers", async () => {
    const handler = route({ auth: "none" }, () => {
      throw new ApiError(429, "common.quota_exceeded", "Slow down.", { limit: 10, used: 10 }, { "Retry-After": "30" });
    });
    const response = await handler(new Request(URL_), noParams);
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await envelopeOf(response)).toMatchObject({ code: "common.quota_exceeded", message: "Slow down.", details: { limit: 10, used: 10 } });
  });

  it("refuses an invalid query with 422 naming the parameter", async () => {
    const handler = route({ auth: "none", query: z.object({ limit: z.coerce.number().int().min(1) }) }, ({ reply }) => reply({}));
    const response = await handler(new Request(`${URL_}?limit=0`), noParams);
    expect(response.status).toBe(422);
    const body = await envelopeOf(response);
    expect(body.code).toBe("common.validation_failed");
    expect(body.details.fields).toEqual([{ path: "limit", message: expect.any(String) }]);
  });

  it("answers an unknown error with a generic 500 and logs the real one", async () => {
    const { log, child } = spyOnRequestLog();
    const thrown = new Error("ENOENT: /srv/errata/secret-path.db");
    const handler = route({ auth: "none" }, () => {
      throw thrown;
    });
    const response = await handler(new Request(URL_, { method: "POST", body: "{}" }), noParams);
    expect(response.status).toBe(500);
    const body = await envelopeOf(response);
    expect(body.code).toBe("common.internal");
    expect(body.details).toEqual({});
    expect(body.message).not.toContain("secret-path");
    expect(body.message).not.toContain("ENOENT");

    expect(child).toHaveBeenCalledWith({ request_id: body.request_id });
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]?.[0]).toMatchObject({ err: thrown, method: "POST", path: "/api/v1/things" });
  });

  it("maps an async rejection the same way", async () => {
    spyOnRequestLog();
    const handler = route({ auth: "none" }, async () => {
      await Promise.resolve();
      throw new TypeError("undefined is not a function");
    });
    const response = await handler(new Request(URL_), noParams);
    expect(response.status).toBe(500);
    expect((await envelopeOf(response)).code).toBe("common.internal");
  });

  it.each(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_LOCKED", "SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_READONLY"])(
    "answers a storage error %s with 503 and Retry-After",
    async (code) => {
      spyOnRequestLog();
      const handler = route({ auth: "none" }, () => {
        throw Object.assign(new Error("database is locked"), { code });
      });
      const response = await handler(new Request(URL_), noParams);
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("2");
      const body = await envelopeOf(response);
      expect(body.code).toBe("common.service_unavailable");
      expect(body.details).toEqual({ retry_after_seconds: 2 });
    },
  );

  it("treats a plain object with code SQLITE_BUSY as busy storage", async () => {
    spyOnRequestLog();
    const handler = route({ auth: "none" }, () => {
      throw { code: "SQLITE_BUSY" };
    });
    const response = await handler(new Request(URL_), noParams);
    expect(response.status).toBe(503);
    expect((await envelopeOf(response)).code).toBe("common.service_unavailable");
  });

  it.each([{ code: "SQLITE_CONSTRAINT_UNIQUE" }, { code: 5 }, "SQLITE_BUSY", null])("answers other failures (%j) with 500", async (thrown) => {
    spyOnRequestLog();
    const handler = route({ auth: "none" }, () => {
      throw thrown;
    });
    const response = await handler(new Request(URL_), noParams);
    expect(response.status).toBe(500);
    expect(response.headers.get("Retry-After")).toBeNull();
    expect((await envelopeOf(response)).code).toBe("common.internal");
  });

  it("refuses a request without credentials before running the handler", async () => {
    const handler = vi.fn(() => new Response("should not run"));
    const response = await route({ auth: "ingest" }, handler)(new Request(URL_, { method: "POST" }), noParams);
    expect(response.status).toBe(401);
    const body = await envelopeOf(response);
    expect(body.code).toBe("common.unauthorized");
    expect(body.details).toEqual({ required_scope: "ingest" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a malformed Authorization header with 401", async () => {
    const handler = route({ auth: "read" }, ({ reply }) => reply({}));
    const response = await handler(new Request(URL_, { headers: { authorization: "Basic dXNlcjpwYXNz" } }), noParams);
    expect(response.status).toBe(401);
    expect((await envelopeOf(response)).details).toMatchObject({ reason: "malformed_authorization_header" });
  });
});

describe("route — onRefused", () => {
  it("is told of an authentication refusal, with no actor, before the answer", async () => {
    const onRefused = vi.fn();
    const request = new Request(URL_, { method: "POST" });
    const response = await route({ auth: "ingest", onRefused }, ({ reply }) => reply({}))(request, noParams);
    const body = await envelopeOf(response);
    expect(onRefused).toHaveBeenCalledTimes(1);
    const [error, seenRequest, context] = onRefused.mock.calls[0] ?? [];
    expect(error).toMatchObject({ status: 401, code: "common.unauthorized" });
    expect(seenRequest).toBe(request);
    expect(context).toEqual({ requestId: body.request_id, actor: null });
  });

  it("is told of a handler's refusal, and not of a failure (5xx) or a success", async () => {
    const onRefused = vi.fn();
    const refuse = route({ auth: "none", onRefused }, () => {
      throw new ApiError(422, "common.validation_failed", "bad", { fields: [] });
    });
    expect((await refuse(new Request(URL_), noParams)).status).toBe(422);
    expect(onRefused.mock.calls[0]?.[0]).toMatchObject({ code: "common.validation_failed" });

    await route({ auth: "none", onRefused }, () => {
      throw new Error("boom");
    })(new Request(URL_), noParams);
    await route({ auth: "none", onRefused }, ({ reply }) => reply({}))(new Request(URL_), noParams);
    expect(onRefused).toHaveBeenCalledTimes(1);
  });

  it("answers unchanged, and logs, when the hook throws", async () => {
    const { log } = spyOnRequestLog();
    const handler = route({ auth: "none", onRefused: () => { throw new Error("trail down"); } }, () => {
      throw new ApiError(413, "ingest.payload_too_large", "too big", { max_bytes: 10 });
    });
    const response = await handler(new Request(URL_), noParams);
    expect(response.status).toBe(413);
    expect(await envelopeOf(response)).toMatchObject({ code: "ingest.payload_too_large", details: { max_bytes: 10 } });
    expect(log.warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), expect.stringContaining("onRefused"));
  });
});
