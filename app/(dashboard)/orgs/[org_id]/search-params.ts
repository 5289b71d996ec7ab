import { createLoader, createSerializer, parseAsArrayOf, parseAsIsoDateTime, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { RANGE_CHOICES } from "@/lib/trends/range-presets";

export const BUCKET_CHOICES = ["auto", "minute", "hour", "day"] as const;
export type BucketChoice = (typeof BUCKET_CHOICES)[number];

/** The organization page's whole view lives in the URL, so a shared link reproduces it. */
export const orgViewParams = {
  range: parseAsStringLiteral(RANGE_CHOICES).withDefault("24h"),
  from: parseAsIsoDateTime,
  to: parseAsIsoDateTime,
  bucket: parseAsStringLiteral(BUCKET_CHOICES).withDefault("auto"),
  /** Codes switched off in the legend. */
  hidden: parseAsArrayOf(parseAsString).withDefault([]),
};

export const loadOrgViewParams = createLoader(orgViewParams);
export const serializeOrgView = createSerializer(orgViewParams);
