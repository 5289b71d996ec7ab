import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { ndjson, wireEvent } from "@/lib/testing/ingest-fixtures";
import { presentedKeyPrefix, refusalSummary, requestIdsFromEvents, requestIdsFromText } from "./rejection-record";

describe("requestIdsFromEvents", () => {
  it("reads the ids of valid and invalid events, flat or wrapped, in body order without repeats", () => {
    const raw = [
      wireEvent({ request_id: "req_a" }),
      wireEvent({ request_id: "req_b", code: "" }),
      { envelope: { request_id: "req_c" } },
      wireEvent({ request_id: "req_a" }),
      "not an event",
      null,
      [wireEvent({ request_id: "req_in_array" })],
    ];
    expect(requestIdsFromEvents(raw)).toEqual(["req_a", "req_b", "req_c"]);
  });

  it("skips ids support could never search for", () => {
    const raw = [{ request_id: "" }, { request_id: "has space" }, { request_id: "x".repeat(129) }, { request_id: 42 }, { request_id: "req_ok" }];
    expect(requestIdsFromEvents(raw)).toEqual(["req_ok"]);
  });

  it("keeps at most 100 per submission", () => {
    const raw = Array.from({ length: 1001 }, (_, n) => ({ request_id: `req_${n}` }));
    const ids = requestIdsFromEvents(raw);
    expect(ids).toHaveLength(100);
    expect(ids.at(-1)).toBe("req_99");
  });
});

describe("requestIdsFromText", () => {
  it("salvages ids from a body that is not valid JSON", () => {
    const body = `{"events": [${JSON.stringify(wireEvent({ request_id: "req_one" }))}, {"request_id" : "req_two", "code": }`;
    expect(requestIdsFromText(body)).toEqual(["req_one", "req_two"]);
  });

  it("salvages ids from NDJSON with a broken line, and caps them", () => {
    const lines = ndjson(Array.from({ length: 150 }, (_, n) => ({ request_id: `req_${n}` })));
    expect(requestIdsFromText(`${lines}\nnot json`)).toHaveLength(100);
  });

  it("finds nothing in text without ids", () => {
    expect(requestIdsFromText("plain text, request_id: req_x")).toEqual([]);
  });
});

describe("refusalSummary", () => {
  const fields = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `events[${i}].code`, message: "must not be empty" }));

  it("lists the first field problems", () => {
    const error = new ApiError(422, "common.validation_failed", "1 field is invalid", { fields: fields(1) });
    expect(refusalSummary(error)).toBe("events[0].code: must not be empty");
  });

  it("counts the problems it does not list, including those the envelope left out", () => {
    const error = new ApiError(422, "common.validation_failed", "x", { fields: fields(5), unlisted_problems: 10 });
    expect(refusalSummary(error)).toBe(
      "events[0].code: must not be empty; events[1].code: must not be empty; events[2].code: must not be empty (+12 more)",
    );
  });

  it("uses the message when there are no field problems, shortened and redacted", () => {
    expect(refusalSummary(new ApiError(401, "auth.key_revoked", "This API key was revoked.", {}))).toBe("This API key was revoked.");
    const long = refusalSummary(new ApiError(400, "common.bad_request", `${"x".repeat(400)} erk_AbCdEfGh12345678abcdefgh`, {}));
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);
    expect(refusalSummary(new ApiError(400, "common.bad_request", "token=abc123", {}))).toBe("token=[redacted]");
  });
});

describe("presentedKeyPrefix", () => {
  it("keeps only Errata's display prefix of the key presented", () => {
    expect(presentedKeyPrefix("Bearer erk_AbCdEfGh1234567890abcdefghij")).toBe("erk_AbCdEfGh");
    expect(presentedKeyPrefix("bearer   erk_AbCd-_Gh12 ")).toBe("erk_AbCd-_Gh");
  });

  it.each([null, "", "Bearer", "Basic dXNlcjpwYXNz", "Bearer afo_sk_live_abcdefgh12345678", "Bearer erk_short", "erk_AbCdEfGh1234"])(
    "keeps nothing of %j",
    (header) => {
      expect(presentedKeyPrefix(header)).toBeNull();
    },
  );
});
