import type { RetryVerdict } from "@/lib/catalog/types";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { RetryVerdictBadge } from "./retry-verdict";
import { TextList } from "./text-list";

/** What to tell the customer, ready to copy into the ticket; `note` tells the agent what it is. */
export function CustomerReplyCard({ reply, note }: { reply: string; note?: string }) {
  return (
    <Card title="Reply to the customer" action={<CopyButton text={reply} label="Copy reply" />}>
      <p className="reply">{reply}</p>
      {note ? <p className="muted">{note}</p> : null}
    </Card>
  );
}

export function EngineerChecklistCard({ checks }: { checks: readonly string[] }) {
  return (
    <Card title="Engineer checklist">
      <TextList items={checks} ordered />
    </Card>
  );
}

export function RetryCard({ retry }: { retry: { verdict: RetryVerdict; advice: string } }) {
  return (
    <Card title="Retrying">
      <div>
        <RetryVerdictBadge verdict={retry.verdict} />
      </div>
      <p>{retry.advice}</p>
    </Card>
  );
}
