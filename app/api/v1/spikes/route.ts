import { route } from "@/lib/http/route";
import { toSpikeReportJson } from "@/lib/trends/json";
import { spikesQuery } from "@/lib/trends/range-query";
import { findSpikes } from "@/lib/trends/spikes";

// GET /api/v1/spikes — organization × code pairs rising against their own baseline, and new codes
export const GET = route({ auth: "read", query: spikesQuery }, async ({ query, reply }) => reply(toSpikeReportJson(await findSpikes(query.window))));
