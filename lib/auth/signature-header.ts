import { createHmac, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/http/api-error";

/** The replay window of the contract (API.md): five minutes either side of Errata's clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

// Up to 15 digits keeps the value a safe integer while still letting a millisecond timestamp
// (13 digits, a common sender bug) through to the window check, whose error explains it.
const UNIX_SECONDS = /^\d{1,15}$/;
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

export interface ParsedSignature {
  /** `t` exactly as sent: the HMAC covers these characters, leading zeros included. */
  timestampText: string;
  timestamp: number;
  /** Every `v1` value, decoded; a sender rotating its secret signs with the old and the new one. */
  signatures: Buffer[];
}

export type SignatureFailure = "missing" | "malformed" | "mismatch";

/** Parses `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`; null when the header does not have that shape. */
export function parseSignatureHeader(header: string): ParsedSignature | null {
  let timestampText: string | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(",")) {
    const separator = part.indexOf("=");
    if (separator <= 0) return null;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (name === "t") {
      if (timestampText !== undefined || !UNIX_SECONDS.test(value)) return null;
      timestampText = value;
    } else if (name === "v1") {
      if (!HEX_SHA256.test(value)) return null;
      signatures.push(Buffer.from(value, "hex"));
    }
    // Other schemes (a later v2) are skipped, so senders can add them before Errata checks them.
  }
  if (timestampText === undefined || signatures.length === 0) return null;
  return { timestampText, timestamp: Number(timestampText), signatures };
}

/** Hex HMAC-SHA256 of `<t>.<raw body>` keyed with the whole secret string (`whsec_…`). */
export function computeSignature(secret: string, timestampText: string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestampText}.`, "utf8").update(rawBody, "utf8").digest("hex");
}

/** The header a sender would send at `nowMs`; used by tests and documented in the README. */
export function signatureHeaderFor(secret: string, rawBody: string, nowMs: number): string {
  const timestamp = String(Math.floor(nowMs / 1000));
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, rawBody)}`;
}

const FORMAT = '`Errata-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`';
const MESSAGES: Record<SignatureFailure, string> = {
  missing: `This key requires signed submissions: send ${FORMAT}.`,
  malformed: `The Errata-Signature header must be ${FORMAT}; several v1 values may be sent while rotating secrets.`,
  mismatch: "No v1 value of Errata-Signature matches this body: sign `<t>.<raw body>` over the exact bytes sent, with this key's signing secret.",
};

export function signatureInvalid(reason: SignatureFailure): ApiError {
  return new ApiError(401, "auth.signature_invalid", MESSAGES[reason], { reason });
}

/**
 * Checks a submission's signature against `secret`; throws the envelope that says what is wrong.
 * The signature is checked before the window (as Stripe does), so `signature_expired` always means
 * "correctly signed, but too old or too new" — a clock or retry problem, never a wrong secret.
 */
export function checkSignature(secret: string, rawBody: string, header: string | null, nowMs: number): void {
  if (header === null || header.trim() === "") throw signatureInvalid("missing");
  const parsed = parseSignatureHeader(header);
  if (!parsed) throw signatureInvalid("malformed");
  const expected = Buffer.from(computeSignature(secret, parsed.timestampText, rawBody), "hex");
  // Constant time per candidate: how many leading bytes of a forged value match is never observable.
  if (!parsed.signatures.some((candidate) => timingSafeEqual(candidate, expected))) throw signatureInvalid("mismatch");
  if (Math.abs(Math.floor(nowMs / 1000) - parsed.timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    throw new ApiError(
      401,
      "auth.signature_expired",
      `The Errata-Signature timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds from Errata's clock: sign each attempt just before sending it, with t in Unix seconds.`,
      { tolerance_seconds: SIGNATURE_TOLERANCE_SECONDS, timestamp: parsed.timestamp },
    );
  }
}
