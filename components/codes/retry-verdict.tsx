import type { RetryVerdict } from "@/lib/catalog/types";
import { Badge } from "@/components/ui/badge";

const VERDICTS: Record<RetryVerdict, { label: string; tone: "ok" | "warning" | "danger" }> = {
  yes_backoff: { label: "Retry helps, with backoff", tone: "ok" },
  after_reset: { label: "Retry after the reset time", tone: "warning" },
  after_fix: { label: "Retry only after fixing the request", tone: "warning" },
  no: { label: "Retrying will not help", tone: "danger" },
};

export function RetryVerdictBadge({ verdict }: { verdict: RetryVerdict }) {
  const { label, tone } = VERDICTS[verdict];
  return <Badge tone={tone}>{label}</Badge>;
}
