import { setTimeout as sleep } from "node:timers/promises";
import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";
import { runWithLogContext } from "./log-context";

/** The real logger configuration, writing its JSON lines to memory. */
function capturedLogger() {
  const written: string[] = [];
  const logger = createLogger({ write: (line: string) => void written.push(line) });
  const lines = () => written.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, written, lines };
}

describe("request id on log lines", () => {
  it("puts the request id on lines logged inside the context, and none outside it", () => {
    const { logger, lines } = capturedLogger();
    logger.info("before");
    runWithLogContext({ request_id: "req_a" }, () => logger.info({ step: 1 }, "inside"));
    logger.info("after");
    expect(lines().map(({ msg, request_id }) => ({ msg, request_id }))).toEqual([
      { msg: "before", request_id: undefined },
      { msg: "inside", request_id: "req_a" },
      { msg: "after", request_id: undefined },
    ]);
  });

  it("keeps it across awaits, timers and promise chains started inside the context", async () => {
    const { logger, lines } = capturedLogger();
    await runWithLogContext({ request_id: "req_b" }, async () => {
      await sleep(5);
      logger.info("after a timer");
      await Promise.resolve().then(() => logger.info("in a then"));
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          logger.info("in an immediate");
          resolve();
        }),
      );
    });
    expect(lines().map((line) => line.request_id)).toEqual(["req_b", "req_b", "req_b"]);
  });

  it("never mixes the ids of concurrent requests", async () => {
    const { logger, lines } = capturedLogger();
    const handle = (id: string, delays: number[]) =>
      runWithLogContext({ request_id: id }, async () => {
        for (const delay of delays) {
          await sleep(delay);
          logger.info({ expected: id }, "step");
        }
      });
    await Promise.all([handle("req_x", [3, 1, 4]), handle("req_y", [1, 5, 1]), handle("req_z", [2, 2, 2])]);
    const logged = lines();
    expect(logged).toHaveLength(9);
    for (const line of logged) expect(line.request_id).toBe(line.expected);
  });

  it("writes the key once when the logger is a child already bound to the request", () => {
    const { logger, written } = capturedLogger();
    runWithLogContext({ request_id: "req_c" }, () => logger.child({ request_id: "req_c" }).info("bound"));
    expect(written[0]?.match(/"request_id"/g)).toHaveLength(1);
  });

  it("lets a field logged explicitly win over the context", () => {
    const { logger, lines } = capturedLogger();
    runWithLogContext({ request_id: "req_d" }, () => logger.info({ request_id: "req_other" }, "explicit"));
    expect(lines()[0]?.request_id).toBe("req_other");
  });
});

describe("errors from the database", () => {
  const failedQuery = () =>
    new DrizzleQueryError("insert into users (email, password) values ($1, $2)", ["someone@example.com", "$argon2id$secret-hash"], Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }));

  it("are logged with their query and the driver's error, without the parameters", () => {
    const { logger, written, lines } = capturedLogger();
    logger.error({ err: failedQuery() }, "sign-up failed");
    expect(written[0]).not.toContain("someone@example.com");
    expect(written[0]).not.toContain("secret-hash");
    const err = lines()[0]!.err as { type: string; message: string; stack: string };
    expect(err.message).toContain("Failed query: insert into users (email, password) values ($1, $2)");
    expect(err.message).toContain("duplicate key value violates unique constraint");
    expect(err.stack).toMatch(/\n\s+at /);
  });

  it("lose the parameters as the cause of another error too, which is left as it was", () => {
    const { logger, written } = capturedLogger();
    const cause = failedQuery();
    const outer = new Error("audit: view not recorded", { cause });
    logger.error({ err: outer }, "request withheld");
    expect(written[0]).toContain("audit: view not recorded");
    expect(written[0]).toContain("Failed query: insert into users");
    expect(written[0]).not.toContain("someone@example.com");
    expect(outer.cause).toBe(cause);
    expect(cause.message).toContain("someone@example.com");
  });
});
