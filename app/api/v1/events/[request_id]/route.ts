import { z } from "zod";
import { findEventByRequestId } from "@/db/queries/events";
import { recordRequestView } from "@/lib/audit/record-view";
import { explainEvent } from "@/lib/catalog";
import { toEventJson } from "@/lib/envelope/event-json";
import { toExplanationJson } from "@/lib/envelope/explanation-json";
import { notFound } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

const params = z.object({ request_id: z.string().min(1).max(128) });

// GET /api/v1/events/{request_id} — one stored event and the explanation of its code
export const GET = route({ auth: "read", params }, async ({ params, actor, reply }) => {
  const event = await findEventByRequestId(params.request_id);
  // Before answering, found or not (probing ids is worth knowing too); throws 503 if it cannot be recorded.
  await recordRequestView(actor, params.request_id, "api", event !== undefined);
  if (!event) throw notFound("event", params.request_id);
  return reply({ event: toEventJson(event), explanation: toExplanationJson(explainEvent(event)) });
});
