import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateApiKey, generateSigningSecret, hashApiKey, hashesMatch, KEY_MARKER, SIGNING_SECRET_MARKER } from "./api-key-secret";

describe("API key hashing", () => {
  it("hashes a key to the hex SHA-256 of its UTF-8 text, the same every time", () => {
    const key = "erk_example";
    expect(hashApiKey(key)).toBe(createHash("sha256").update(key, "utf8").digest("hex"));
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(`${key}x`)).not.toBe(hashApiKey(key));
  });

  it("generates keys with the marker, 192 random bits, a 12-character display prefix and the matching hash", () => {
    const key = generateApiKey();
    expect(key.secret).toMatch(/^erk_[A-Za-z0-9_-]{32}$/);
    expect(key.prefix).toBe(key.secret.slice(0, KEY_MARKER.length + 8));
    expect(key.hash).toBe(hashApiKey(key.secret));
    expect(new Set(Array.from({ length: 50 }, () => generateApiKey().secret)).size).toBe(50);
  });

  it("matches digests only when every byte is equal, and refuses different lengths without throwing", () => {
    const hash = hashApiKey("erk_a");
    expect(hashesMatch(hash, hash)).toBe(true);
    expect(hashesMatch(hash, hashApiKey("erk_b"))).toBe(false);
    expect(hashesMatch(hash, hash.slice(0, 62))).toBe(false);
    expect(hashesMatch(hash, "")).toBe(false);
  });
});

describe("signing secrets", () => {
  it("are whsec_ and 256 random bits in base64url, never repeated", () => {
    const secret = generateSigningSecret();
    expect(secret.startsWith(SIGNING_SECRET_MARKER)).toBe(true);
    expect(Buffer.from(secret.slice(SIGNING_SECRET_MARKER.length), "base64url")).toHaveLength(32);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateSigningSecret()).not.toBe(secret);
  });
});
