import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Every Errata key starts with this, so leaked keys are recognisable (and redactable). */
export const KEY_MARKER = "erk_";
/** Characters of the key kept for display: enough to tell keys apart, far too few to guess the rest. */
const DISPLAY_LENGTH = KEY_MARKER.length + 8;

export const KEY_SCOPES = ["ingest", "read", "admin"] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export interface GeneratedKey {
  secret: string;
  prefix: string;
  hash: string;
}

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function generateApiKey(): GeneratedKey {
  const secret = `${KEY_MARKER}${randomBytes(24).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, DISPLAY_LENGTH), hash: hashApiKey(secret) };
}

/** Every signing secret starts with this, the convention webhook senders already recognise. */
export const SIGNING_SECRET_MARKER = "whsec_";

/** 256 random bits: as strong as HMAC-SHA256 itself, which a longer key would not make stronger. */
export function generateSigningSecret(): string {
  return `${SIGNING_SECRET_MARKER}${randomBytes(32).toString("base64url")}`;
}

/** Compares two hex digests without leaking, through timing, how many leading characters match. */
export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
