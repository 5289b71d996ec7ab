import type { Bucket } from "@/lib/trends/types";

/** Axis and tooltip labels for a bucket start, in UTC so every viewer reads the same bucket. */
export function bucketLabel(t: number, bucket: Bucket): string {
  const iso = new Date(t).toISOString();
  if (bucket === "day") return iso.slice(5, 10);
  if (bucket === "hour") return `${iso.slice(5, 10)} ${iso.slice(11, 13)}h`;
  return iso.slice(11, 16);
}

export function bucketRangeLabel(t: number, bucket: Bucket): string {
  const iso = new Date(t).toISOString();
  const day = iso.slice(0, 10);
  if (bucket === "day") return `${day} (UTC day)`;
  if (bucket === "hour") return `${day} ${iso.slice(11, 13)}:00–${iso.slice(11, 13)}:59 UTC`;
  return `${day} ${iso.slice(11, 16)} UTC`;
}
