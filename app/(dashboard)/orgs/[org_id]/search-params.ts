import { createLoader, createSerializer, parseAsArrayOf, parseAsIsoDateTime, parseAsString, parseAsStringLiteral } from "nuqs/server";
import type { OrgTrendRequest } from "@/lib/actions/trends";
import { RANGE_CHOICES, type RangeChoice } from "@/lib/trends/range-presets";

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

interface OrgViewState {
  range: RangeChoice;
  from: Date | null;
  to: Date | null;
  bucket: BucketChoice;
}

/**
 * The data request a URL state stands for. The server's prefetch and the client's hook both build it
 * here, so their query keys match and the hydrated data is used instead of fetched again.
 */
export function toOrgTrendRequest(orgId: string, view: OrgViewState): OrgTrendRequest {
  const custom = view.range === "custom";
  return {
    orgId,
    range: view.range,
    from: custom ? (view.from?.getTime() ?? null) : null,
    to: custom ? (view.to?.getTime() ?? null) : null,
    bucket: view.bucket,
  };
}
