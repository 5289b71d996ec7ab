import { formatUtc } from "./format";

/** The two facts of a request a customer already knows: the id they quoted and when it happened. */
export interface RequestReference {
  requestId: string;
  occurredAt: number;
}

/**
 * The reply an agent pastes into the ticket: which request it is about, then the explanation's
 * customer reply. It takes only the id and the time, so nothing internal about the event (its
 * organization id, service, endpoint or message) can end up in it.
 */
export function replyToCustomer({ requestId, occurredAt }: RequestReference, customerReply: string): string {
  return `Thank you for sending the request ID. Here is what happened to request ${requestId} (${formatUtc(occurredAt)}):\n\n${customerReply}`;
}
