"use client";

import { useQueryStates } from "nuqs";
import { countCodes, filterCodeGroups, type CodeGroup } from "../catalog-filter";
import { CODE_ORIGINS, codeListParams, type CodeOriginFilter } from "../search-params";
import { CodeFamilyTable } from "./code-family-table";
import styles from "./codes.module.css";

const ORIGIN_LABELS: Record<CodeOriginFilter, string> = { all: "All codes", api: "The API's", errata: "Errata's own" };

/** The whole catalog, filtered as the agent types; the filter lives in the URL so a view can be shared. */
export function CodeCatalog({ groups }: { groups: CodeGroup[] }) {
  const [{ q, origin }, setParams] = useQueryStates(codeListParams, { throttleMs: 200 });
  const shown = filterCodeGroups(groups, q, origin);
  const total = countCodes(groups);
  const matching = countCodes(shown);

  return (
    <>
      <div className={`card ${styles.filters}`} role="search" aria-label="Error codes">
        <label className="field">
          <span>Find a code</span>
          <input
            className="input"
            type="search"
            value={q}
            placeholder="quota, 413, 4xx, revoked…"
            aria-describedby="code-count"
            onChange={(event) => void setParams({ q: event.target.value || null })}
          />
        </label>
        <div className="toolbar">
          <div className="segmented" role="group" aria-label="Defined by">
            {CODE_ORIGINS.map((choice) => (
              <button key={choice} type="button" aria-pressed={origin === choice} onClick={() => void setParams({ origin: choice === "all" ? null : choice })}>
                {ORIGIN_LABELS[choice]}
              </button>
            ))}
          </div>
          <p id="code-count" className="muted" role="status">
            {matching === total ? `${total} codes` : `${matching} of ${total} codes`}
          </p>
        </div>
        {shown.length > 1 ? (
          <nav aria-label="Families" className={styles.jump}>
            {shown.map((group) => (
              <a key={group.family} href={`#family-${group.family}`}>
                {group.label} <span className="muted">{group.codes.length}</span>
              </a>
            ))}
          </nav>
        ) : null}
      </div>
      {shown.length > 0 ? (
        shown.map((group) => <CodeFamilyTable key={group.family} group={group} />)
      ) : (
        <section className="card" aria-labelledby="no-code-heading">
          <h2 id="no-code-heading">No code matches “{q.trim()}”</h2>
          <p>
            Try part of a code (<code>quota</code>), an HTTP status (<code>429</code>) or a class (<code>4xx</code>), or words
            from its meaning. A code that is not listed here is not in the catalog: its requests are explained by their HTTP
            status alone.
          </p>
          <div>
            <button type="button" className="button" onClick={() => void setParams({ q: null, origin: null })}>
              Show every code
            </button>
          </div>
        </section>
      )}
    </>
  );
}
