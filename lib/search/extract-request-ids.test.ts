import { describe, expect, it } from "vitest";
import { extractRequestIds, MIN_REQ_PREFIX_CHARS } from "./extract-request-ids";

const FULL = "req_8a3f2b9c1d4e5f60718293a4";

function full(value: string) {
  return { value, truncated: false };
}

function cut(value: string) {
  return { value, truncated: true };
}

describe("extractRequestIds", () => {
  it("finds a full id", () => {
    expect(extractRequestIds(FULL)).toEqual([full(FULL)]);
  });

  it.each([
    ["three dots", "req_8a3f..."],
    ["four dots", "req_8a3f...."],
    ["two dots", "req_8a3f.."],
    ["an ellipsis character", "req_8a3f…"],
  ])("marks an id truncated with %s", (_label, text) => {
    expect(extractRequestIds(text)).toEqual([cut("req_8a3f")]);
  });

  it("finds a truncated id inside a sentence", () => {
    expect(extractRequestIds("The error said req_8a3f… and then nothing")).toEqual([cut("req_8a3f")]);
  });

  it.each([
    ["double quotes", `"${FULL}"`],
    ["single quotes", `'${FULL}'`],
    ["backticks", `\`${FULL}\``],
    ["typographic quotes", `“${FULL}”`],
    ["surrounding whitespace", `  \n\t${FULL}  \n`],
    ["a JSON fragment", `"request_id":"${FULL}"}`],
    ["angle brackets", `<${FULL}>`],
    ["a URL", `https://errata.example/requests/${FULL}?tab=raw`],
  ])("strips %s", (_label, text) => {
    expect(extractRequestIds(text)).toEqual([full(FULL)]);
  });

  it.each([
    ["a full stop", `Please look at ${FULL}.`],
    ["a comma", `ids: ${FULL}, and more`],
    ["a colon", `${FULL}: failed`],
    ["a question mark", `what happened to ${FULL}?`],
    ["a closing parenthesis", `(see ${FULL})`],
  ])("leaves %s after the id out of it", (_label, text) => {
    expect(extractRequestIds(text)).toEqual([full(FULL)]);
  });

  it("does not keep the dot of `req_abc123.`", () => {
    expect(extractRequestIds("It failed with req_abc123.")).toEqual([full("req_abc123")]);
  });

  it("keeps dots and colons inside an id", () => {
    expect(extractRequestIds("see req_a1.b2:c3-d4 now")).toEqual([full("req_a1.b2:c3-d4")]);
  });

  it("normalizes an upper-case REQ_ marker and keeps the rest as written", () => {
    expect(extractRequestIds("REQ_8A3F2B9C")).toEqual([full("req_8A3F2B9C")]);
    expect(extractRequestIds("Req_abcd1234")).toEqual([full("req_abcd1234")]);
  });

  it("finds every id of a pasted ticket, once each, in order of appearance", () => {
    const ticket = [
      "From: Dana <dana@customer.example>",
      "Subject: Uploads failing since this morning",
      "",
      `Hi, our uploads fail with 413 (request ${FULL}). We retried and got "req_77c0ffee01" too.`,
      `The dashboard shows req_8a3f2b9c… for the first one — sorry, copied it short.`,
      "A colleague also saw REQ_5e5e5e5e1234 yesterday,",
      `and again ${FULL}.`,
      "Thanks!",
    ].join("\n");
    expect(extractRequestIds(ticket)).toEqual([full(FULL), full("req_77c0ffee01"), full("req_5e5e5e5e1234")]);
  });

  it("keeps a truncated id when no full id it abbreviates is present", () => {
    expect(extractRequestIds("first req_11112222, then req_3333…")).toEqual([full("req_11112222"), cut("req_3333")]);
  });

  it("returns nothing for text without an id", () => {
    expect(extractRequestIds("The upload keeps failing, please help!")).toEqual([]);
    expect(extractRequestIds("")).toEqual([]);
    expect(extractRequestIds("   ")).toEqual([]);
  });

  it("does not take a word merely containing req_ as an id", () => {
    expect(extractRequestIds("prereq_abcd1234 and unreq_9999")).toEqual([]);
  });

  it.each([
    ["a UUID", "3f2b9c1d-4e5f-6071-8293-a4b5c6d7e8f9"],
    ["a hex id", "`8a3f2b9c1d4e`"],
    ["a trace id with colons", "trace:2026-11-26:42"],
  ])("takes a lone non-req token as an id (%s)", (_label, text) => {
    const value = text.replace(/`/g, "");
    expect(extractRequestIds(text)).toEqual([full(value)]);
  });

  it("marks a lone truncated token", () => {
    expect(extractRequestIds("8a3f2b9c1d…")).toEqual([cut("8a3f2b9c1d")]);
  });

  it.each([
    ["too short", "ab12"],
    ["without a digit", "customer"],
    ["several words", "abc123 def456"],
  ])("ignores a lone token %s to be an id", (_label, text) => {
    expect(extractRequestIds(text)).toEqual([]);
  });

  it(`ignores req_ ids with fewer than ${MIN_REQ_PREFIX_CHARS} characters after the marker`, () => {
    expect(extractRequestIds("see req_8a3 please")).toEqual([]);
    expect(extractRequestIds("req_ and req_a")).toEqual([]);
    expect(extractRequestIds("too short req_8a3, long enough req_8a3f")).toEqual([full("req_8a3f")]);
  });

  it("ignores a too-short req_ prefix pasted on its own, truncated or not", () => {
    // The lone-token fallback must not readmit what the req_ rule refused as matching too many ids.
    expect(extractRequestIds("req_8a3")).toEqual([]);
    expect(extractRequestIds("req_8a3...")).toEqual([]);
    expect(extractRequestIds("`REQ_8a…`")).toEqual([]);
  });

  it("accepts exactly the minimum prefix", () => {
    expect(extractRequestIds("req_8a3f…")).toEqual([cut("req_8a3f")]);
  });
});

describe("extractRequestIds — ids written another way", () => {
  it.each([
    ["request_", "see request_8a3f2b9c1d4e in the log", "request_8a3f2b9c1d4e"],
    ["rq-", "id rq-8a3f2b9c1d4e, thanks", "rq-8a3f2b9c1d4e"],
    ["req-", "failed: req-8a3f2b9c1d4e.", "req-8a3f2b9c1d4e"],
    ["REQ:", "REQ:8A3F2B9C1D4E failed", "REQ:8A3F2B9C1D4E"],
  ])("keeps an id with the prefix %s as written, for the search to suggest req_", (_label, text, value) => {
    expect(extractRequestIds(text)).toEqual([full(value)]);
  });

  it("marks one truncated", () => {
    expect(extractRequestIds("the id was request_8a3f2b9c… I think")).toEqual([cut("request_8a3f2b9c")]);
  });

  it("finds a bare hex id in a sentence", () => {
    expect(extractRequestIds("The error page showed 8a3f2b9c1d4e5f60718293a4 at the bottom.")).toEqual([full("8a3f2b9c1d4e5f60718293a4")]);
  });

  it("takes the bare hex inside `request-…` once, with its prefix", () => {
    expect(extractRequestIds("request-8a3f2b9c1d4e5f60718293a4 and 77c0ffee77c0ffee01")).toEqual([
      full("request-8a3f2b9c1d4e5f60718293a4"),
      full("77c0ffee77c0ffee01"),
    ]);
  });

  it("reads ids with another prefix beside req_ ids, in text order, but one quoted both ways once", () => {
    expect(extractRequestIds(`rq-77c0ffee0123 first, then ${FULL}`)).toEqual([full("rq-77c0ffee0123"), full(FULL)]);
    expect(extractRequestIds(`${FULL}, that is request_${FULL.slice(4).toUpperCase()}`)).toEqual([full(FULL)]);
  });

  it("reads bare hex only from text without a req_ id, where it is not some other hash", () => {
    expect(extractRequestIds(`${FULL} (build 0123456789abcdef0123)`)).toEqual([full(FULL)]);
  });

  it.each([
    ["a JSON field name", '{"request_id": null}'],
    ["a short code after a prefix", "request-42 failed"],
    ["words without digits", "request_timeout happened again"],
    ["hex without letters (a phone number)", "call 0049301234567890"],
    ["short hex", "commit 8a3f2b9"],
  ])("ignores %s", (_label, text) => {
    expect(extractRequestIds(text)).toEqual([]);
  });

  it("reads every id of a pasted e-mail, several forms together, and none twice", () => {
    const email = [
      "From: Dana <dana@customer.example>",
      "> On Tue, support wrote:",
      `> > Which request? Please send the "request_id".`,
      "",
      "Hi! Two uploads failed:",
      "  - `req_8a3f2b9c1d4e5f60718293a4`  (413)",
      "  - <req_77c0ffee01…>",
      "and the retry said 'REQ_5E5E5E5E1234'.",
      "Again: req_8a3f2b9c1d4e5f60718293a4",
    ].join("\r\n");
    expect(extractRequestIds(email)).toEqual([full(FULL), cut("req_77c0ffee01"), full("req_5E5E5E5E1234")]);
  });
});
