import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { logger } from "@/lib/log";
import { ApiError } from "./api-error";
import { route } from "./route";

// The real logger (its request-id mixin included), writing JSON lines to memory instead of stdout.
const written = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/log", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/log")>();
  return { ...actual, logger: actual.createLogger({ write: (line: string) => void written.push(line) }) };
});

interface LogLine {
  level: number;
  msg: string;
  request_id?: string;
  [field: string]: unknown;
}

const logged = () => written.map((line) => JSON.parse(line) as LogLine);

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

afterEach(() => {
  written.length = 0;
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

  it("refuses a NUL character in a query or path parameter with 422 naming it, before the handler runs", async () => {
    const seen = vi.fn();
    const handler = route({ auth: "none", query: z.object({ q: z.string().optional() }), params: z.object({ id: z.string() }) }, ({ reply }) => {
      seen();
      return reply({});
    });
    const response = await handler(new Request(`${URL_}?q=a%00b`), { params: Promise.resolve({ id: "req_\u0000" }) });
    expect(response.status).toBe(422);
    const body = await envelopeOf(response);
    expect(body.code).toBe("common.validation_failed");
    expect(body.details.fields).toEqual([
      { path: "q", message: "must not contain the NUL character (U+0000)" },
      { path: "id", message: "must not contain the NUL character (U+0000)" },
    ]);
    expect(seen).not.toHaveBeenCalled();
  });

  it("answers an unknown error with a generic 500 and logs the real one", async () => {
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

    const errors = logged().filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ request_id: body.request_id, method: "POST", path: "/api/v1/things", status: 500, code: "common.internal" });
    expect(errors[0]?.err).toMatchObject({ type: "Error", message: thrown.message });
  });

  it("maps an async rejection the same way", async () => {
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
    const handler = route({ auth: "none" }, () => {
      throw { code: "SQLITE_BUSY" };
    });
    const response = await handler(new Request(URL_), noParams);
    expect(response.status).toBe(503);
    expect((await envelopeOf(response)).code).toBe("common.service_unavailable");
  });

  it.each([{ code: "SQLITE_CONSTRAINT_UNIQUE" }, { code: 5 }, "SQLITE_BUSY", null])("answers other failures (%j) with 500", async (thrown) => {
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
    const handler = route({ auth: "none", onRefused: () => { throw new Error("trail down"); } }, () => {
      throw new ApiError(413, "ingest.payload_too_large", "too big", { max_bytes: 10 });
    });
    const response = await handler(new Request(URL_), noParams);
    expect(response.status).toBe(413);
    const body = await envelopeOf(response);
    expect(body).toMatchObject({ code: "ingest.payload_too_large", details: { max_bytes: 10 } });
    const warning = logged().find((line) => line.msg.includes("onRefused"));
    expect(warning).toMatchObject({ level: 40, request_id: body.request_id, err: { message: "trail down" } });
  });
});

describe("route — logging", () => {
  it("puts the request id on every line logged while handling it, by code given no logger, after awaits too", async () => {
    const handler = route({ auth: "none" }, async ({ reply }) => {
      logger.info("before any await");
      await sleep(2);
      logger.warn({ detail: 1 }, "after a timer");
      await Promise.all([sleep(1), sleep(3)]);
      logger.info("after concurrent work");
      return reply({});
    });
    const response = await handler(new Request(URL_), noParams);
    const requestId = response.headers.get("X-Request-Id");
    const lines = logged();
    expect(lines.map((line) => line.msg)).toEqual(["before any await", "after a timer", "after concurrent work", "request completed"]);
    for (const line of lines) expect(line.request_id).toBe(requestId);
    // Once per line, though the handler's own `log` carries it as a binding too.
    for (const line of written) expect(line.match(/"request_id"/g)).toHaveLength(1);
  });

  it("keeps concurrent requests' lines apart", async () => {
    const handler = route({ auth: "none", query: z.object({ wait: z.coerce.number() }) }, async ({ query, requestId, reply }) => {
      await sleep(query.wait);
      logger.info({ seen: requestId }, "work");
      await sleep(5 - query.wait);
      logger.info({ seen: requestId }, "more work");
      return reply({});
    });
    await Promise.all([4, 1, 3, 0].map((wait) => handler(new Request(`${URL_}?wait=${wait}`), noParams)));
    const work = logged().filter((line) => line.msg !== "request completed");
    expect(work).toHaveLength(8);
    for (const line of work) expect(line.request_id).toBe(line.seen);
  });

  it("logs one line per request when it is answered: method, path without the query, status, duration", async () => {
    const handler = route({ auth: "none" }, async ({ reply }) => {
      await sleep(5);
      return reply({}, 201);
    });
    const response = await handler(new Request(`${URL_}?q=customer+text`, { method: "POST", body: "{}" }), noParams);
    const lines = logged();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: "request completed",
      request_id: response.headers.get("X-Request-Id"),
      method: "POST",
      path: "/api/v1/things",
      status: 201,
    });
    expect(lines[0]?.duration_ms).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(lines[0])).not.toContain("customer");
  });

  it("names the code of a refusal on its line", async () => {
    const response = await route({ auth: "ingest" }, ({ reply }) => reply({}))(new Request(URL_, { method: "POST" }), noParams);
    expect(logged()).toEqual([
      expect.objectContaining({ level: 30, msg: "request refused", status: 401, code: "common.unauthorized", request_id: response.headers.get("X-Request-Id") }),
    ]);
  });
});
