import { listEvents } from "@/db/queries/events";
import { toEventJson } from "@/lib/envelope/event-json";
import { encodeCursor, listEventsQuery, toEventFilter } from "@/lib/events/list-query";
import { route } from "@/lib/http/route";
import { acceptSubmission } from "@/lib/ingest/accept-submission";
import { recordIngestRefusal } from "@/lib/ingest/rejection-trail";

// POST /api/v1/events — store error envelopes sent by a service (one, a batch, or NDJSON); refusals go to the trail
export const POST = route({ auth: "ingest", onRefused: recordIngestRefusal }, async ({ request, actor, reply }) => {
  if (!actor) throw new Error("the ingest route authenticates every request");
  return reply(await acceptSubmission(request, actor), 202);
});

// GET /api/v1/events — stored events matching the filters, newest first, cursor-paginated
export const GET = route({ auth: "read", query: listEventsQuery }, async ({ query, reply }) => {
  const page = await listEvents(toEventFilter(query), query.limit, query.cursor);
  return reply({
    events: page.events.map(toEventJson),
    next_cursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
  });
});
