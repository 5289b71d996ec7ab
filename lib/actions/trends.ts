"use server";

import { z } from "zod";
import { chooseBucket } from "@/lib/trends/buckets";
import { getOrgTrendView } from "@/lib/trends/org-trends";
import { RANGE_CHOICES, resolveRange, SPIKE_WINDOWS } from "@/lib/trends/range-presets";
import { trendRequestProblem } from "@/lib/trends/range-query";
import { findSpikes } from "@/lib/trends/spikes";
import type { OrgTrendView, SpikeReport, SpikeWindow } from "@/lib/trends/types";
import { requireActionUser } from "@/lib/session/action-guard";

const orgTrendRequest = z.object({
  orgId: z.string().min(1).max(128),
  range: z.enum(RANGE_CHOICES),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  bucket: z.enum(["auto", "minute", "hour", "day"]),
});

export type OrgTrendRequest = z.infer<typeof orgTrendRequest>;

export type OrgTrendResult = { ok: true; view: OrgTrendView } | { ok: false; problem: string } | null;

/**
 * The organization page's data for a URL state. Relative ranges resolve against the server's
 * clock at each call, so live refreshes slide the window forward. Null for an unknown organization.
 */
export async function loadOrgTrend(input: OrgTrendRequest): Promise<OrgTrendResult> {
  await requireActionUser();
  const request = orgTrendRequest.parse(input);
  const range = resolveRange(request, Date.now());
  const bucket = request.bucket === "auto" ? chooseBucket(range) : request.bucket;
  const problem = trendRequestProblem(range, bucket);
  if (problem) return { ok: false, problem: `This view cannot be drawn: ${problem.path} ${problem.message}.` };
  const view = await getOrgTrendView(request.orgId, range, bucket);
  return view ? { ok: true, view } : null;
}

export async function loadSpikes(window: SpikeWindow): Promise<SpikeReport> {
  await requireActionUser();
  return findSpikes(z.enum(SPIKE_WINDOWS).parse(window));
}
