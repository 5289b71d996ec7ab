import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { toEnvelope, type EventRecord } from "@/lib/envelope/event-json";

/** The response body exactly as the customer received it. Rendered as text: it came from outside. */
export function EnvelopeCard({ event }: { event: EventRecord }) {
  const json = JSON.stringify(toEnvelope(event), null, 2);
  return (
    <Card title="Envelope" action={<CopyButton text={json} label="Copy envelope" />}>
      <pre className="code" aria-label="Envelope JSON">
        {json}
      </pre>
    </Card>
  );
}
