import Link from "next/link";
import { differingSpan } from "@/lib/search/close-ids";
import type { CloseIdReason, CloseIdSuggestion } from "@/lib/search/suggest-close-ids";

const REASONS: Record<CloseIdReason, string> = {
  one_character: "one character different",
  different_prefix: "the same id with another prefix or letter case",
};

/** A suggested id with the part that differs from what was quoted marked. */
function MarkedDifference({ given, suggested }: { given: string; suggested: string }) {
  const { start, end } = differingSpan(given, suggested);
  if (end <= start) return <code>{suggested}</code>;
  return (
    <code>
      {suggested.slice(0, start)}
      <mark>{suggested.slice(start, end)}</mark>
      {suggested.slice(end)}
    </code>
  );
}

/** "Did you mean …?": stored ids a typing mistake away from an id that matched nothing. */
export function CloseIdList({ given, suggestions }: { given: string; suggestions: readonly CloseIdSuggestion[] }) {
  if (suggestions.length === 0) return null;
  return (
    <div className="callout" role="note" aria-label={`Ids close to ${given}`}>
      <ul className="plain">
        {suggestions.map((suggestion) => (
          <li key={suggestion.requestId}>
            Did you mean{" "}
            <Link href={`/requests/${encodeURIComponent(suggestion.requestId)}`}>
              <MarkedDifference given={given} suggested={suggestion.requestId} />
            </Link>
            ? <span className="muted">({REASONS[suggestion.reason]})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
