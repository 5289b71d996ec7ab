"use client";

import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";

/** Next.js hands server errors over with a digest (the message is withheld in production), client errors as thrown. */
function referenceOf(error: unknown): string | null {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") return error.digest;
  return null;
}

/**
 * Shown in place of a dashboard page that failed to render; the navigation stays usable. Most
 * failures here are passing (the database busy, a deploy in progress), so trying again comes
 * first; the reference lets an engineer find the cause in the server log.
 */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const reference = referenceOf(error);
  return (
    <>
      <header className="page-header">
        <h1>This page could not be shown</h1>
        <p className="lede">Errata ran into a problem while preparing it. This is usually temporary, so try again first.</p>
      </header>
      <section className="card error-state" role="alert" aria-labelledby="page-error-heading">
        <h2 id="page-error-heading">What you can do</h2>
        <ul className="plain">
          <li>Try again: Errata reads the page&apos;s data afresh.</li>
          <li>
            If it keeps failing, send an engineer the address of this page
            {reference ? " and the reference below; the server log has the cause under it." : "."}
          </li>
        </ul>
        {reference ? (
          <div className="card-header">
            <pre className="code">{reference}</pre>
            <CopyButton text={reference} label="Copy reference" />
          </div>
        ) : null}
        <div className="actions">
          <button type="button" className="button button-primary" onClick={retry}>
            Try again
          </button>
          <Link className="button" href="/">
            Back to search
          </Link>
        </div>
      </section>
    </>
  );
}
