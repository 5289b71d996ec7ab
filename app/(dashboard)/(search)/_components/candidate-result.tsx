import { EventList } from "@/components/events/event-list";
import { PrunedNotice } from "@/components/events/pruned-notice";
import { RejectionNotice } from "@/components/events/rejection-notice";
import { CloseIdList } from "@/components/search/close-id-list";
import type { CandidateView } from "@/lib/search/search-view";
import styles from "./search.module.css";

function matchHeading(match: CandidateView): string {
  if (match.matchedBy === "exact") return "Exact match";
  return match.events.length === 1 ? "One stored id starts with this" : `${match.events.length} stored ids start with this — pick the one from the ticket`;
}

/** Stored, but the filters leave it out: the most common "not found" that is not one. */
function HiddenByFilters({ match, onClearFilters }: { match: CandidateView; onClearFilters: () => void }) {
  return (
    <div className="callout callout-warning" role="note" aria-label={`Hidden by the filters: ${match.candidate.value}`}>
      <p>Errata has this request, but the filters leave it out:</p>
      <EventList events={match.hiddenByFilters} highlight={match.candidate.value} />
      <p>
        <button type="button" className="button" onClick={onClearFilters}>
          Clear filters
        </button>
      </p>
    </div>
  );
}

/** One id found in the pasted text: what it matched, or every reason we know for why nothing did. */
export function CandidateResult({
  match,
  retentionDays,
  filtered,
  onClearFilters,
}: {
  match: CandidateView;
  retentionDays: number;
  filtered: boolean;
  onClearFilters: () => void;
}) {
  const { candidate, events } = match;
  const shown = `${candidate.value}${candidate.truncated ? "…" : ""}`;
  if (events.length > 0) {
    return (
      <div className={styles.candidate}>
        <p>
          <code>{shown}</code> <span className="muted">· {matchHeading(match)}</span>
        </p>
        <EventList events={events} highlight={candidate.value} />
      </div>
    );
  }
  if (match.hiddenByFilters.length > 0) {
    return (
      <div className={styles.candidate}>
        <p>
          <code>{shown}</code> <span className="muted">· Outside the filters</span>
        </p>
        <HiddenByFilters match={match} onClearFilters={onClearFilters} />
      </div>
    );
  }
  if (match.pruned.length > 0) {
    return (
      <div className={styles.candidate}>
        <p>
          <code>{shown}</code> <span className="muted">· Deleted by the retention</span>
        </p>
        {match.pruned.map((note) => (
          <PrunedNotice key={note.requestId} searched={candidate.value} note={note} retentionDays={retentionDays} />
        ))}
      </div>
    );
  }
  return (
    <div className={styles.candidate}>
      {match.rejections.length > 0 ? (
        <>
          <p>
            <code>{shown}</code> <span className="muted">· Not stored: refused when it was sent</span>
          </p>
          <RejectionNotice searched={candidate.value} rejections={match.rejections} />
        </>
      ) : (
        <p>
          No stored request matches <code>{shown}</code>
          {filtered ? ", with or without the filters" : ""}.
          {match.closeIds.length > 0 ? null : " Check the id against the ticket, or ask the customer for the full request_id from the error response."}
        </p>
      )}
      <CloseIdList given={candidate.value} suggestions={match.closeIds} />
    </div>
  );
}
