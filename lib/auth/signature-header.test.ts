import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { checkSignature, computeSignature, parseSignatureHeader, signatureHeaderFor, SIGNATURE_TOLERANCE_SECONDS } from "./signature-header";

const SECRET = "whsec_test_secret_0123456789";
const OTHER_SECRET = "whsec_other_secret_9876543210";
const NOW = Date.UTC(2026, 10, 26, 14, 3, 12, 700);
const T = Math.floor(NOW / 1000);
const BODY = '{"request_id":"req_1","org_id":"org_acme","http_status":403,"code":"api_key.scope_denied"}';

function refusal(run: () => void): { status: number; code: string; details: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, details: error.details };
    throw error;
  }
  throw new Error("expected the signature to be refused");
}

const sign = (secret: string, t: number | string, body = BODY) => computeSignature(secret, String(t), body);

describe("computeSignature", () => {
  it("is the hex HMAC-SHA256 of `<t>.<raw body>` keyed with the whole secret, as the README's openssl line computes it", () => {
    const expected = createHmac("sha256", SECRET).update(`${T}.${BODY}`).digest("hex");
    expect(sign(SECRET, T)).toBe(expected);
    expect(signatureHeaderFor(SECRET, BODY, NOW)).toBe(`t=${T},v1=${expected}`);
  });
});

describe("checkSignature", () => {
  it("accepts a valid signature", () => {
    expect(() => checkSignature(SECRET, BODY, signatureHeaderFor(SECRET, BODY, NOW), NOW)).not.toThrow();
  });

  it("accepts spaces around parts, upper-case hex and unknown schemes beside v1", () => {
    const header = ` t=${T} , v0=abc, v1=${sign(SECRET, T).toUpperCase()} `;
    expect(() => checkSignature(SECRET, BODY, header, NOW)).not.toThrow();
  });

  it("accepts any of several v1 values, as a sender rotating its secret sends", () => {
    const rotating = `t=${T},v1=${sign(OTHER_SECRET, T)},v1=${sign(SECRET, T)}`;
    expect(() => checkSignature(SECRET, BODY, rotating, NOW)).not.toThrow();
    const neither = `t=${T},v1=${sign(OTHER_SECRET, T)},v1=${sign("whsec_third", T)}`;
    expect(refusal(() => checkSignature(SECRET, BODY, neither, NOW)).details).toEqual({ reason: "mismatch" });
  });

  it("refuses a signature made with another secret", () => {
    const header = signatureHeaderFor(OTHER_SECRET, BODY, NOW);
    expect(refusal(() => checkSignature(SECRET, BODY, header, NOW))).toEqual({ status: 401, code: "auth.signature_invalid", details: { reason: "mismatch" } });
  });

  it("refuses a tampered body, even by one character or re-serialized whitespace", () => {
    const header = signatureHeaderFor(SECRET, BODY, NOW);
    for (const body of [BODY.replace("403", "404"), `${BODY}\n`, JSON.stringify(JSON.parse(BODY), null, 1)]) {
      expect(refusal(() => checkSignature(SECRET, body, header, NOW)).details).toEqual({ reason: "mismatch" });
    }
  });

  it("refuses a signature whose t was changed after signing (the HMAC covers t as sent)", () => {
    const v1 = sign(SECRET, T);
    for (const t of [T + 1, `0${T}`]) {
      expect(refusal(() => checkSignature(SECRET, BODY, `t=${t},v1=${v1}`, NOW)).details).toEqual({ reason: "mismatch" });
    }
  });

  it.each([null, "", "   "])("refuses a missing header (%j)", (header) => {
    expect(refusal(() => checkSignature(SECRET, BODY, header, NOW))).toEqual({ status: 401, code: "auth.signature_invalid", details: { reason: "missing" } });
  });

  it.each([
    ["only a signature", () => `v1=${sign(SECRET, T)}`],
    ["only a timestamp", () => `t=${T}`],
    ["a non-numeric timestamp", () => `t=soon,v1=${sign(SECRET, T)}`],
    ["a negative timestamp", () => `t=-${T},v1=${sign(SECRET, T)}`],
    ["a fractional timestamp", () => `t=${T}.5,v1=${sign(SECRET, T)}`],
    ["two timestamps", () => `t=${T},t=${T},v1=${sign(SECRET, T)}`],
    ["a short signature", () => `t=${T},v1=${sign(SECRET, T).slice(0, 63)}`],
    ["a non-hex signature", () => `t=${T},v1=${"z".repeat(64)}`],
    ["a base64 signature", () => `t=${T},v1=${Buffer.from(sign(SECRET, T), "hex").toString("base64")}`],
    ["a part without =", () => `t=${T},v1=${sign(SECRET, T)},oops`],
    ["the header name pasted into the value", () => `Errata-Signature: t=${T},v1=${sign(SECRET, T)}`],
    ["a bare signature", () => sign(SECRET, T)],
  ])("refuses a malformed header: %s", (_label, header) => {
    expect(refusal(() => checkSignature(SECRET, BODY, header(), NOW))).toEqual({ status: 401, code: "auth.signature_invalid", details: { reason: "malformed" } });
  });

  it.each([
    ["past", -1],
    ["future", 1],
  ])("refuses a correct signature more than 300 s in the %s, and accepts one at exactly 300 s", (_label, direction) => {
    const edge = T + direction * SIGNATURE_TOLERANCE_SECONDS;
    expect(() => checkSignature(SECRET, BODY, `t=${edge},v1=${sign(SECRET, edge)}`, NOW)).not.toThrow();
    const outside = edge + direction;
    expect(refusal(() => checkSignature(SECRET, BODY, `t=${outside},v1=${sign(SECRET, outside)}`, NOW))).toEqual({
      status: 401,
      code: "auth.signature_expired",
      details: { tolerance_seconds: 300, timestamp: outside },
    });
  });

  it("reports a millisecond timestamp as expired, with the value sent", () => {
    const millis = Math.floor(NOW);
    const refused = refusal(() => checkSignature(SECRET, BODY, `t=${millis},v1=${sign(SECRET, millis)}`, NOW));
    expect(refused).toMatchObject({ code: "auth.signature_expired", details: { timestamp: millis } });
  });

  it("reports a wrong signature as a mismatch even when its timestamp is also stale", () => {
    const old = T - 3600;
    expect(refusal(() => checkSignature(SECRET, BODY, `t=${old},v1=${sign(OTHER_SECRET, old)}`, NOW)).details).toEqual({ reason: "mismatch" });
  });
});

describe("parseSignatureHeader", () => {
  it("keeps t as sent and decodes every v1", () => {
    const parsed = parseSignatureHeader(`t=0042,v1=${"ab".repeat(32)},v1=${"CD".repeat(32)}`);
    expect(parsed?.timestampText).toBe("0042");
    expect(parsed?.timestamp).toBe(42);
    expect(parsed?.signatures.map((s) => s.toString("hex"))).toEqual(["ab".repeat(32), "cd".repeat(32)]);
  });
});
