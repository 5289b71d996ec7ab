import { EventList } from "@/components/events/event-list";
import { ExportLinks } from "@/components/search/export-links";
import { OldestEventNote } from "@/components/search/oldest-event-note";
import { TextMatchList } from "@/components/search/text-match-list";
import { FILTER_MATCH_LIMIT } from "@/lib/search/search-filters";
import type { SearchView } from "@/lib/search/search-view";
import { CandidateResult } from "./candidate-result";

interface Props {
  view?: SearchView;
  loading: boolean;
  failed: boolean;
  onClearFilters: () => void;
}

function filtersAreSet(view: SearchView): boolean {
  return Object.entries(view.filter).some(([name, value]) => name !== "text" && value !== undefined);
}

/** Events listed by text or by filters alone, with downloads of every match. */
function ListedEvents({ view }: { view: SearchView }) {
  if (view.candidates.length > 0) return null;
  if (view.query && view.textMatches.length > 0) {
    return (
      <>
        <p className="muted">No request id in this text; these events mention it in their code or message:</p>
        <TextMatchList events={view.textMatches} term={view.query} />
      </>
    );
  }
  if (!view.query && view.filterMatches.length > 0) {
    const more = view.filterMatches.length >= FILTER_MATCH_LIMIT;
    return (
      <>
        <p className="muted">{more ? `The newest ${FILTER_MATCH_LIMIT} events matching the filters; download them all below.` : "Every event matching the filters, newest first."}</p>
        <EventList events={view.filterMatches} />
      </>
    );
  }
  if (view.query) {
    return (
      <p className="empty">
        No request id found in this text{filtersAreSet(view) ? ", and no event within the filters mentions it" : ""}. Request ids look like{" "}
        <code>req_8a3f2c…</code>; paste the whole ticket if you are not sure which part it is.
      </p>
    );
  }
  return <p className="empty">No stored event matches these filters. Widen the time range or clear a filter.</p>;
}

export function SearchResults({ view, loading, failed, onClearFilters }: Props) {
  if (failed) return <p className="empty">The search failed. Try again in a moment.</p>;
  if (!view) return <p className="empty">{loading ? "Searching…" : null}</p>;
  const listed = view.candidates.length === 0 && (view.textMatches.length > 0 || view.filterMatches.length > 0);
  return (
    <section className="card" aria-labelledby="results-heading" aria-busy={loading}>
      <div className="card-header">
        <h2 id="results-heading">Results</h2>
        {listed ? <ExportLinks filter={view.filter} /> : null}
      </div>
      {view.candidates.map((match) => (
        <CandidateResult
          key={`${match.candidate.value}|${match.candidate.truncated}`}
          match={match}
          retentionDays={view.retentionDays}
          filtered={filtersAreSet(view)}
          onClearFilters={onClearFilters}
        />
      ))}
      <ListedEvents view={view} />
      {view.oldestEventAt !== undefined ? <OldestEventNote oldestEventAt={view.oldestEventAt} retentionDays={view.retentionDays} /> : null}
    </section>
  );
}
