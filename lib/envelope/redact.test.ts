import { describe, expect, it } from "vitest";
import { normalizedEvent } from "@/lib/testing/ingest-fixtures";
import { buildRedactionRules, redactEvent, redactJson, redactText } from "./redact";

const AFO_LIVE = "afo_sk_live_ab3Kx9QmZ2LpW7vT";
const AFO_TEST = "afo_sk_test_cd81Jq0PzX5nR2sY";
const ERK = "erk_AbCdEfGh1234ijklMNOPqrstUVwx-_yz";
const WHSEC = "whsec_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const VISA = "4111111111111111";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe("redactText — credentials recognisable on their own", () => {
  it.each([
    ["a catalogued live key, keeping a short prefix", `key ${AFO_LIVE} failed`, "key afo_sk_live_ab…[redacted] failed"],
    ["a catalogued test key", `(${AFO_TEST})`, "(afo_sk_test_cd…[redacted])"],
    ["an Errata key, keeping its display prefix", `sent ${ERK}.`, "sent erk_AbCdEfGh…[redacted]."],
    ["a signing secret", `secret was ${WHSEC}`, "secret was whsec_[redacted]"],
    ["a JWT", `jwt ${JWT} expired`, "jwt eyJ…[redacted] expired"],
    ["a Bearer value", "Authorization failed for Bearer 9c1d4e5f60718293a4b5", "Authorization failed for Bearer [redacted]"],
    ["a Bearer catalogued key, keeping its prefix", `Bearer ${AFO_LIVE}`, "Bearer afo_sk_live_ab…[redacted]"],
    ["a lowercase bearer", "bearer abcdefgh12345678", "bearer [redacted]"],
  ])("redacts %s", (_label, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });
});

describe("redactText — values named like secrets", () => {
  it.each([
    ["a query string token", "/v1/uploads?token=s3cr3t-value&page=2", "/v1/uploads?token=[redacted]&page=2"],
    ["access_token and api_key in a query", "/cb?access_token=abc123&API_KEY=xyz#frag", "/cb?access_token=[redacted]&API_KEY=[redacted]#frag"],
    ["a logfmt password", "login failed user=ada password=hunter2 attempt=3", "login failed user=ada password=[redacted] attempt=3"],
    ["a form-array name", "user[password]=hunter2&user[name]=ada", "user[password]=[redacted]&user[name]=ada"],
    ["a JSON body echoed in a message", 'body: {"user":"ada","password":"hunter2","n":1}', 'body: {"user":"ada","password":"[redacted]","n":1}'],
    ["a numeric JSON secret", '{"pin_token": 12345678}', '{"pin_token": "[redacted]"}'],
    ["a Python repr", "{'client_secret': 'abc', 'id': 'x'}", "{'client_secret': '[redacted]', 'id': 'x'}"],
    ["a dumped Cookie header", "headers:\nCookie: session=abc; theme=dark\nAccept: */*", "headers:\nCookie: [redacted]\nAccept: */*"],
    ["a Basic authorization header", "Authorization: Basic dXNlcjpwYXNz", "Authorization: [redacted]"],
  ])("redacts %s", (_label, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it("redacts the rest of a header line even after a redacted Bearer value", () => {
    expect(redactText("Authorization: Bearer abcdefgh12345678, X-Api-Key: s3cr3t-value")).toBe("Authorization: [redacted]");
    expect(redactText("token=hunter2[redacted]")).toBe("token=[redacted]");
  });

  it("keeps a catalogued key's prefix when it is the value of a named field", () => {
    expect(redactText(`/v1?api_key=${AFO_LIVE}`)).toBe("/v1?api_key=afo_sk_live_ab…[redacted]");
    expect(redactText(`{"api_key": "${AFO_LIVE}"}`)).toBe('{"api_key": "afo_sk_live_ab…[redacted]"}');
    expect(redactText(`Authorization: Bearer ${ERK}`)).toBe("Authorization: Bearer erk_AbCdEfGh…[redacted]");
  });
});

describe("redactText — card numbers", () => {
  it.each([
    ["a bare Visa number", `card ${VISA} declined`, "card [redacted]…1111 declined"],
    ["a spaced number", "card 4242 4242 4242 4242 declined", "card [redacted]…4242 declined"],
    ["a dashed number", "5555-5555-5555-4444", "[redacted]…4444"],
    ["an Amex number (15 digits)", "amex 3782 822463 10005", "amex [redacted]…0005"],
    ["a number followed by its expiry", "4242 4242 4242 4242 12/26", "[redacted]…4242 12/26"],
    ["a number followed by more digits", "4242 4242 4242 4242 123", "[redacted]…4242 123"],
    ["a number in a path", "/v1/cards/4111111111111111/charge", "/v1/cards/[redacted]…1111/charge"],
  ])("redacts %s", (_label, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });
});

describe("redactText — leaves ordinary values alone", () => {
  it.each([
    ["a request id", "req_8a3f2b9c1d4e5f60718293a4"],
    ["a request id of digits", "req_4111111111111111"],
    ["a hex id", "9f86d081884c7d659a2feaa0c55ad015"],
    ["a hex id that is all digits", "id a4111111111111111b"],
    ["a UUID", "3f2b9c1d-4e5f-6071-8293-a4b5c6d7e8f9"],
    ["an ISO date", "2026-11-26T14:03:12.000Z"],
    ["a 12-digit number", "order 424242424242 shipped"],
    ["epoch milliseconds (13 digits, Luhn-valid)", "at 1795701600009"],
    ["epoch microseconds (16 digits)", "at 1795701600000000"],
    ["a 16-digit number that fails the Luhn check", "ref 4111111111111112"],
    ["a 20-digit number", "trace 41111111111111111111"],
    ["a catalogued key prefix shown by the API", "key_prefix afo_sk_live_ab12"],
    ["prose about tokens", "Bearer token missing; the token expired"],
    ["a field name without a value", "password must be at least 12 characters"],
    ["an ordinary query string", "/v1/orgs?page=2&sort=name&max_bytes=52428800"],
  ])("keeps %s", (_label, input) => {
    expect(redactText(input)).toBe(input);
  });
});

describe("redactJson — details at any depth", () => {
  it("redacts fields named like secrets at every depth and inside arrays, whatever their case", () => {
    const details = {
      Password: "hunter2",
      nested: { deeper: [{ api_key: "k-1" }, { "X-Api-Key": "k-2" }, { apiKey: "k-3" }], passwd: "p" },
      headers: { Authorization: "Basic dXNlcjpwYXNz", Cookie: "session=abc", "Set-Cookie": ["a=1", "b=2"] },
      refresh_token: 987654321,
      client_secret: { value: "s", rotated: true, previous: null },
      has_password: true,
    };
    expect(redactJson(details)).toEqual({
      Password: "[redacted]",
      nested: { deeper: [{ api_key: "[redacted]" }, { "X-Api-Key": "[redacted]" }, { apiKey: "[redacted]" }], passwd: "[redacted]" },
      headers: { Authorization: "[redacted]", Cookie: "[redacted]", "Set-Cookie": ["[redacted]", "[redacted]"] },
      refresh_token: "[redacted]",
      client_secret: { value: "[redacted]", rotated: true, previous: null },
      has_password: true,
    });
  });

  it("keeps a recognisable token's prefix when it is a secret field's whole value", () => {
    expect(redactJson({ authorization: `Bearer ${AFO_LIVE}`, key: { token: ERK } })).toEqual({
      authorization: "Bearer afo_sk_live_ab…[redacted]",
      key: { token: "erk_AbCdEfGh…[redacted]" },
    });
  });

  it("redacts secrets inside free-text values, keys and card numbers stored as numbers", () => {
    expect(redactJson({ note: [`retry with ${AFO_TEST}`], [ERK]: 1, card: Number(VISA), size_bytes: 73_400_320 })).toEqual({
      note: ["retry with afo_sk_test_cd…[redacted]"],
      "erk_AbCdEfGh…[redacted]": 1,
      card: "[redacted]…1111",
      size_bytes: 73_400_320,
    });
  });

  it("keeps ordinary values and types", () => {
    const details = { request_id: "req_8a3f2b9c1d4e5f60", at: "2026-11-26T14:03:12Z", ms: 1_795_701_600_009, id: 424_242_424_242, ok: false, none: null, ratio: 0.5 };
    expect(redactJson(details)).toEqual(details);
  });

  it("keeps a `__proto__` key as data", () => {
    const details = JSON.parse('{"__proto__": {"password": "x"}}') as Record<string, unknown>;
    const redacted = redactJson(details) as Record<string, unknown>;
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(JSON.stringify(redacted)).toBe('{"__proto__":{"password":"[redacted]"}}');
  });
});

describe("redactEvent", () => {
  it("redacts message, details, path, service and method without mutating the input", () => {
    const event = deepFreeze(
      normalizedEvent({
        message: `Key ${AFO_LIVE} was revoked`,
        details: { echoed: { headers: { authorization: "Bearer abcdefgh12345678" } }, card_last_used: "4242-4242-4242-4242" },
        path: "/v1/registrations?token=abc&page=2",
        service: `svc ${ERK}`,
        method: "POST",
      }),
    );
    const before = JSON.stringify(event);
    const redacted = redactEvent(event);
    expect(JSON.stringify(event)).toBe(before);
    expect(redacted).toEqual({
      ...event,
      message: "Key afo_sk_live_ab…[redacted] was revoked",
      details: { echoed: { headers: { authorization: "[redacted]" } }, card_last_used: "[redacted]…4242" },
      path: "/v1/registrations?token=[redacted]&page=2",
      service: "svc erk_AbCdEfGh…[redacted]",
    });
  });

  it("keeps identifiers and nulls as they are", () => {
    const event = normalizedEvent({ message: null, details: null, path: null, service: null, method: null });
    expect(redactEvent(event)).toEqual(event);
  });
});

describe("configured rules", () => {
  const rules = buildRedactionRules({ extraFields: ["ssn", "x-session-id"], extraPatterns: ["acct-\\d{6,}", "(?:IBAN|iban) ?[A-Z]{2}\\d{2}[A-Z0-9]{10,30}"] });

  it("redacts extra field names, normalized like the defaults, and keeps the defaults", () => {
    expect(redactJson({ SSN: "123-45-6789", meta: [{ xSessionId: "abc" }], password: "p", session: "kept" }, rules)).toEqual({
      SSN: "[redacted]",
      meta: [{ xSessionId: "[redacted]" }],
      password: "[redacted]",
      session: "kept",
    });
    expect(redactText("/v1?x_session_id=abc&ssn=1", rules)).toBe("/v1?x_session_id=[redacted]&ssn=[redacted]");
  });

  it("replaces matches of extra patterns anywhere", () => {
    expect(redactText("account acct-12345678 and IBAN DE89370400440532013000 closed", rules)).toBe("account [redacted] and [redacted] closed");
    expect(redactText("account acct-12345678")).toBe("account acct-12345678");
  });
});
