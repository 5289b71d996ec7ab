import { describe, expect, it } from "vitest";
import { parseExpiry } from "./key-expiry";
import { keyStatus } from "./key-status";

const NOW = Date.UTC(2026, 10, 26, 14, 3, 12);
const DAY = 24 * 60 * 60 * 1000;

describe("parseExpiry", () => {
  it("reads a date as 00:00 UTC on that day", () => {
    expect(parseExpiry("2027-01-31", NOW)).toEqual({ ok: true, expiresAt: Date.UTC(2027, 0, 31) });
    expect(parseExpiry(" 2026-11-27 ", NOW)).toEqual({ ok: true, expiresAt: Date.UTC(2026, 10, 27) });
  });

  it("reads a number of days as exactly that many 24-hour days from now", () => {
    expect(parseExpiry("30d", NOW)).toEqual({ ok: true, expiresAt: NOW + 30 * DAY });
    expect(parseExpiry("3650d", NOW)).toEqual({ ok: true, expiresAt: NOW + 3650 * DAY });
  });

  it.each([
    ["2026-11-26", /not in the future/],
    ["2020-01-01", /not in the future/],
    ["2027-02-30", /not a date/],
    ["2027-13-01", /not a date/],
    ["27-01-31", /not a date/],
    ["0d", /not a date/],
    ["-5d", /not a date/],
    ["30", /not a date/],
    ["", /not a date/],
    ["3651d", /more than 3650 days ahead/],
    ["2207-01-01", /more than 3650 days ahead/],
  ])("refuses %j", (raw, problem) => {
    const result = parseExpiry(raw, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });
});

describe("keyStatus", () => {
  it("is active until the expiry moment, expired from it, and revoked whenever revoked", () => {
    expect(keyStatus({ revokedAt: null, expiresAt: null }, NOW)).toBe("active");
    expect(keyStatus({ revokedAt: null, expiresAt: NOW + 1 }, NOW)).toBe("active");
    expect(keyStatus({ revokedAt: null, expiresAt: NOW }, NOW)).toBe("expired");
    expect(keyStatus({ revokedAt: NOW - DAY, expiresAt: NOW - 2 * DAY }, NOW)).toBe("revoked");
  });
});
