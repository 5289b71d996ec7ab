import { StatusBadge } from "@/components/ui/badge";
import type { StatusMixRow } from "@/lib/trends/types";

/** How the range's errors split by HTTP status, as proportional bars with exact numbers. */
export function StatusMix({ rows }: { rows: StatusMixRow[] }) {
  return (
    <ul className="result-list">
      {rows.map((row) => (
        <li key={row.httpStatus}>
          <StatusBadge status={row.httpStatus} />
          <span className="num">{row.count.toLocaleString("en")}</span>
          <span className="muted">{(row.share * 100).toFixed(1)} %</span>
          <span aria-hidden style={{ flex: "1 1 120px", height: 8, borderRadius: 4, background: "var(--surface-muted)" }}>
            <span style={{ display: "block", height: "100%", width: `${row.share * 100}%`, borderRadius: 4, background: "var(--accent)" }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
