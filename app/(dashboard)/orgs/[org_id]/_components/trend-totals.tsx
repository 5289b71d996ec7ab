import { Change } from "@/components/ui/change";
import { relativeChange } from "@/lib/trends/deltas";
import type { OrgTrendView } from "@/lib/trends/types";

/** The range's headline numbers beside those of the period just before it. */
export function TrendTotals({ view }: { view: OrgTrendView }) {
  const top = view.codes[0];
  return (
    <div className="stats">
      <div className="stat">
        <span className="muted">Errors in range</span>
        <strong>{view.total.toLocaleString("en")}</strong>
      </div>
      <div className="stat">
        <span className="muted">vs previous period</span>
        <strong>
          <Change change={relativeChange(view.total, view.previous.total)} previous={view.previous.total} />
        </strong>
      </div>
      <div className="stat">
        <span className="muted">Top code</span>
        <strong>{top ? <code>{top.code}</code> : "—"}</strong>
      </div>
    </div>
  );
}
