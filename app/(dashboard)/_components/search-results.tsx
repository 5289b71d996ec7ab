import { EventList } from "@/components/events/event-list";
import { RejectionNotice } from "@/components/events/rejection-notice";
import type { SearchView } from "@/lib/search/search-view";

function CandidateResult({ match }: { match: SearchView["candidates"][number] }) {
  const { candidate, events } = match;
  const shown = `${candidate.value}${candidate.truncated ? "…" : ""}`;
  if (events.length === 0 && match.rejections.length > 0) {
    return (
      <>
        <p>
          <code>{shown}</code> <span className="muted">· Not stored: refused when it was sent</span>
        </p>
        <RejectionNotice searched={candidate.value} rejections={match.rejections} />
      </>
    );
  }
  if (events.length === 0) {
    return (
      <p className="empty">
        No stored request matches <code>{shown}</code>. Check the id against the ticket, or ask the customer for the
        full <code>request_id</code> from the error response.
      </p>
    );
  }
  const heading =
    match.matchedBy === "exact"
      ? "Exact match"
      : events.length === 1
        ? "One stored id starts with this"
        : `${events.length} stored ids start with this — pick the one from the ticket`;
  return (
    <>
      <p>
        <code>{shown}</code> <span className="muted">· {heading}</span>
      </p>
      <EventList events={events} highlight={candidate.value} />
    </>
  );
}

export function SearchResults({ view, loading, failed }: { view?: SearchView; loading: boolean; failed: boolean }) {
  if (failed) return <p className="empty">The search failed. Try again in a moment.</p>;
  if (!view) return <p className="empty">{loading ? "Searching…" : null}</p>;
  return (
    <section className="card" aria-labelledby="results-heading" aria-busy={loading}>
      <h2 id="results-heading">Results</h2>
      {view.candidates.map((match) => (
        <CandidateResult key={`${match.candidate.value}|${match.candidate.truncated}`} match={match} />
      ))}
      {view.candidates.length === 0 && view.textMatches.length > 0 ? (
        <>
          <p className="muted">No request id in this text; these events mention it in their code or message:</p>
          <EventList events={view.textMatches} />
        </>
      ) : null}
      {view.candidates.length === 0 && view.textMatches.length === 0 ? (
        <p className="empty">
          No request id found in this text. Request ids look like <code>req_8a3f2c…</code>; paste the whole ticket if you
          are not sure which part it is.
        </p>
      ) : null}
    </section>
  );
}
