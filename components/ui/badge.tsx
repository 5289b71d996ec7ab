import type { ReactNode } from "react";

type Tone = "neutral" | "accent" | "danger" | "warning" | "ok";

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={tone === "neutral" ? "badge" : `badge badge-${tone}`}>{children}</span>;
}

/** Colours an HTTP status by class so 4xx and 5xx are told apart at a glance. */
export function StatusBadge({ status }: { status: number }) {
  return <Badge tone={status >= 500 ? "danger" : status >= 400 ? "warning" : "ok"}>{status}</Badge>;
}
