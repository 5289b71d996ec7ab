import { route } from "@/lib/http/route";
import { toOrgSummaryJson } from "@/lib/trends/json";
import { listOrgSummaries } from "@/lib/trends/org-trends";

// GET /api/v1/orgs — every organization with its last 24 hours (to the hour), busiest first
export const GET = route({ auth: "read" }, async ({ reply }) => {
  const now = Date.now();
  const summaries = await listOrgSummaries(now);
  return reply({ evaluated_at: new Date(now).toISOString(), orgs: summaries.map(toOrgSummaryJson) });
});
