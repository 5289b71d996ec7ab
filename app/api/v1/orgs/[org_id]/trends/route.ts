import { z } from "zod";
import { notFound } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";
import { toTrendJson } from "@/lib/trends/json";
import { getTrend } from "@/lib/trends/org-trends";
import { trendQuery } from "@/lib/trends/range-query";

const params = z.object({ org_id: z.string().min(1).max(128) });

// GET /api/v1/orgs/{org_id}/trends — an organization's codes over time, zero-filled, from the hourly rollup
export const GET = route({ auth: "read", params, query: trendQuery }, async ({ params, query, reply }) => {
  const trend = await getTrend(params.org_id, query.range, query.bucket);
  if (!trend) throw notFound("organization", params.org_id);
  return reply(toTrendJson(trend));
});
