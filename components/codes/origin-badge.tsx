import { Badge } from "@/components/ui/badge";
import type { CodeOrigin } from "@/lib/catalog";

/**
 * Marks Errata's own codes (what Errata answers a sending service with) apart from the API's, and
 * the API's shared codes that Errata answers with too, so an agent knows whose error a ticket is about.
 */
export function OriginBadge({ origin, returnedByErrata }: { origin: CodeOrigin; returnedByErrata: boolean }) {
  if (origin === "errata") return <Badge tone="accent">Errata&apos;s own</Badge>;
  return returnedByErrata ? <Badge>Errata uses it too</Badge> : null;
}
