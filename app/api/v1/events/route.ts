import { listEvents } from "@/db/queries/events";
import { toEventJson } from "@/lib/envelope/event-json";
import { env } from "@/lib/env";
import { encodeCursor, listEventsQuery, toEventFilter } from "@/lib/events/list-query";
import { route } from "@/lib/http/route";
import { readBodyText } from "@/lib/http/read-body";
import { ingestBody } from "@/lib/ingest/ingest";

// POST /api/v1/events — store error envelopes sent by a service (one, a batch, or NDJSON)
export const POST = route({ auth: "ingest" }, async ({ request, reply }) => {
  const settings = env();
  const text = await readBodyText(request, settings.ERRATA_MAX_BODY_BYTES);
  const result = ingestBody(text, request.headers.get("content-type"), { maxEvents: settings.ERRATA_MAX_BATCH_EVENTS });
  return reply(result, 202);
});

// GET /api/v1/events — stored events matching the filters, newest first, cursor-paginated
export const GET = route({ auth: "read", query: listEventsQuery }, ({ query, reply }) => {
  const page = listEvents(toEventFilter(query), query.limit, query.cursor);
  return reply({
    events: page.events.map(toEventJson),
    next_cursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
  });
});
