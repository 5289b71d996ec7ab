"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { decodeRequestIdParam } from "./_components/request-id-param";

function digestOf(error: unknown): string | null {
  return error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
}

/**
 * A request page that failed to render. Errata records each view in the audit log before showing
 * anything, and refuses the view when it cannot; both that and a busy database pass, so trying
 * again comes first. The id stays on screen so the agent can search for it again.
 */
export default function RequestError({ error, retry }: { error: unknown; retry: () => void }) {
  const { requestId = "" } = useParams<{ requestId: string }>();
  const id = decodeRequestIdParam(requestId);
  const digest = digestOf(error);
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">Request</p>
        <h1>
          <code>{id}</code> could not be shown
        </h1>
        <p className="lede">
          Errata could not read this request or record your view of it in the audit log, and it shows a request only once the view is
          recorded. This is usually temporary.
        </p>
      </header>
      <section className="card" role="alert" aria-label="What to do">
        <div className="toolbar">
          <button type="button" className="button button-primary" onClick={retry}>
            Try again
          </button>
          <Link className="button" href={`/?q=${encodeURIComponent(id)}`}>
            Search for it
          </Link>
        </div>
        {digest ? (
          <p className="muted">
            If it keeps failing, give an engineer this reference: <code>{digest}</code>
          </p>
        ) : null}
      </section>
    </>
  );
}
