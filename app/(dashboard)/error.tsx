"use client";

/** Shown when a page fails to render; the server log has the cause under the digest. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card" role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be shown. Try again; if it keeps failing, give an engineer this reference:</p>
      <pre className="code">{error.digest ?? "no reference"}</pre>
      <div>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
      </div>
    </section>
  );
}
