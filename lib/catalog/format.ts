import { formatDistanceStrict } from "date-fns";

const BINARY_UNITS = ["KiB", "MiB", "GiB", "TiB"] as const;

/** Bytes in binary units with at most one decimal: 73400320 → "70 MiB", 1572864 → "1.5 MiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  if (Math.abs(bytes) < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  let value = bytes;
  let unit: string = BINARY_UNITS[0];
  for (const next of BINARY_UNITS) {
    value /= 1024;
    unit = next;
    if (Math.abs(value) < 1024) break;
  }
  // String() of a rounded number already drops a trailing ".0".
  return `${String(Math.round(value * 10) / 10)} ${unit}`;
}

/** Counts with thousands separators, fixed to en-US so output does not depend on the server's locale. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** Accepts the two time shapes envelopes use: ISO-8601 strings and epoch milliseconds. */
export function toEpochMs(value: string | number): number {
  return typeof value === "number" ? value : Date.parse(value);
}

/**
 * "2026-11-26 14:00 UTC". Built from the ISO string rather than date-fns `format`,
 * which renders in the host's local zone and would differ between servers.
 */
export function formatUtc(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  const seconds = iso.slice(17, 19);
  const clock = seconds === "00" ? iso.slice(11, 16) : iso.slice(11, 19);
  return `${iso.slice(0, 10)} ${clock} UTC`;
}

/** "3 hours after this error" — the distance between a time named in details and the event itself. */
export function relativeToEvent(targetMs: number, eventMs: number): string {
  if (targetMs === eventMs) return "at the moment of this error";
  const distance = formatDistanceStrict(targetMs, eventMs);
  return `${distance} ${targetMs > eventMs ? "after" : "before"} this error`;
}

/** Durations given in seconds, in words: 300 → "5 minutes". */
export function formatSeconds(seconds: number): string {
  return formatDistanceStrict(0, seconds * 1000);
}

const MAX_QUOTED = 200;

/** Quotes a caller-supplied string, capped so a huge value cannot swamp a summary. */
export function quote(value: string): string {
  const text = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
  return `"${text}"`;
}

/** "a", "a and b", "a, b and c". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Normalizes a value that may be one string or a list of strings (scopes, media types). */
export function asList(value: string | readonly string[]): string[] {
  return typeof value === "string" ? [value] : [...value];
}
