import { afterEach, describe, expect, it, vi } from "vitest";
import { clearRequestHeaders, setRequestHeaders } from "@/lib/testing/request-headers";
import { runWithLogContext } from "./log-context";
import { requestLogger } from "./request-logger";

vi.mock("next/headers", () => import("@/lib/testing/request-headers"));

// The real logger (its request-id mixin included), writing JSON lines to memory instead of stdout.
const written = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/log", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/log")>();
  return { ...actual, logger: actual.createLogger({ write: (line: string) => void written.push(line) }) };
});

const lastLine = () => JSON.parse(written.at(-1)!) as { msg: string; request_id?: string };
/** How many times `key` appears in the last line's raw JSON (pino would write a duplicate twice). */
const occurrences = (key: string) => written.at(-1)!.split(`"${key}"`).length - 1;

afterEach(() => {
  clearRequestHeaders();
  written.length = 0;
});

describe("requestLogger", () => {
  it("writes the id proxy.ts gave a page or server action request on each line", async () => {
    setRequestHeaders(new Headers({ "x-request-id": "req_0123456789abcdef01234567" }));
    (await requestLogger()).info("sign-in failed");
    expect(lastLine()).toMatchObject({ msg: "sign-in failed", request_id: "req_0123456789abcdef01234567" });
  });

  it("inside an API route keeps the route's id, once", async () => {
    setRequestHeaders(new Headers({ "x-request-id": "req_from_a_header_00000000" }));
    await runWithLogContext({ request_id: "req_of_the_route_0000000000" }, async () => (await requestLogger()).info("audit: view not recorded"));
    expect(lastLine().request_id).toBe("req_of_the_route_0000000000");
    expect(occurrences("request_id")).toBe(1);
  });

  it("outside a request writes lines without an id", async () => {
    (await requestLogger()).info("invitation created");
    expect(lastLine()).not.toHaveProperty("request_id");
  });
});
