import { exportEventsQuery, toEventFilter } from "@/lib/events/list-query";
import { eventExportResponse } from "@/lib/export/export-response";
import { route } from "@/lib/http/route";

// GET /api/v1/events/export — every event matching the filters of GET /api/v1/events, as a CSV or NDJSON download, streamed
export const GET = route({ auth: "read", query: exportEventsQuery }, ({ query, requestId, log }) =>
  eventExportResponse(query.format, toEventFilter(query), { requestId, log }),
);
