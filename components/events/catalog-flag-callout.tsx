import Link from "next/link";
import type { DetailsCheck } from "@/lib/catalog/types";

/**
 * Says plainly when an event is not what the catalog describes: that is how catalog drift (a new
 * code, or details of a new shape) gets noticed.
 */
export function CatalogFlagCallout({ code, check }: { code: string; check: DetailsCheck }) {
  if (check.status === "ok") return null;
  if (check.status === "unknown_code") {
    return (
      <div className="callout callout-warning" role="note">
        <strong>Not in the catalog.</strong>
        <p>
          Errata stored this event, but <code>{code}</code> is not a documented code, so the explanation below is
          generic. If the API has started returning it, it belongs in the <Link href="/codes">catalog</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="callout callout-warning" role="note">
      <strong>Details do not match the catalog.</strong>
      <p>
        The catalog documents a different <code>details</code> shape for <code>{code}</code>; the explanation
        below avoids relying on these values:
      </p>
      <ul>
        {check.issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            <code>{issue.path}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
