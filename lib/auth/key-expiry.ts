const DAY_MS = 24 * 60 * 60 * 1000;
/** Longer than any rotation policy; a later date is far more likely a typo (2207) than intended. */
export const MAX_EXPIRY_DAYS = 3650;

export type ExpiryResult = { ok: true; expiresAt: number } | { ok: false; problem: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = /^(\d{1,4})d$/;

/** Epoch ms of 00:00 UTC on a calendar date, or null when the date does not exist (2027-02-30). */
function utcMidnight(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : null;
}

/**
 * A key's expiry from what a person types: a date `2027-01-31` (the key stops working at 00:00 UTC
 * on that day, so it is never valid "on" it — the same rule as GitLab's tokens) or a number of days
 * `30d` (exactly 30 × 24 hours from `now`). It must lie in the future and within ten years.
 */
export function parseExpiry(raw: string, now: number): ExpiryResult {
  const text = raw.trim();
  const days = DAYS.exec(text);
  let expiresAt: number | null;
  if (days) {
    expiresAt = Number(days[1]) > 0 ? now + Number(days[1]) * DAY_MS : null;
  } else {
    expiresAt = utcMidnight(text);
  }
  if (expiresAt === null) return { ok: false, problem: `"${raw}" is not a date like 2027-01-31 or a number of days like 30d` };
  if (expiresAt <= now) return { ok: false, problem: `${new Date(expiresAt).toISOString().slice(0, 10)} is not in the future` };
  if (expiresAt > now + MAX_EXPIRY_DAYS * DAY_MS) {
    return { ok: false, problem: `${new Date(expiresAt).toISOString().slice(0, 10)} is more than ${MAX_EXPIRY_DAYS} days ahead` };
  }
  return { ok: true, expiresAt };
}
