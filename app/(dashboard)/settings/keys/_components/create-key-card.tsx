"use client";

import { useId, useState, type FormEvent } from "react";
import { Card } from "@/components/ui/card";
import { useHydrated } from "@/components/ui/use-hydrated";
import { KEY_SCOPES, type KeyScope } from "@/lib/auth/api-key-secret";
import { useCreateApiKey } from "@/lib/hooks/use-api-keys";
import { NewKeyNotice } from "./new-key-notice";
import styles from "./keys.module.css";

const SCOPE_HINTS: Record<KeyScope, string> = {
  ingest: "send events (POST /api/v1/events)",
  read: "read events, trends and codes through the API",
  admin: "manage Errata itself",
};

/** The earliest date an expiry may name: tomorrow (UTC), since a key stops working at 00:00 UTC that day. */
function tomorrowUtc(): string {
  return new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The create form; after a success it gives way to the one-time view of the new key. */
export function CreateKeyCard() {
  const id = useId();
  const create = useCreateApiKey();
  const hydrated = useHydrated();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<KeyScope[]>(["ingest"]);
  const [signingSecret, setSigningSecret] = useState(false);
  const [expiresOn, setExpiresOn] = useState("");

  const result = create.data;
  if (result?.ok) {
    // reset() drops the secrets from the mutation cache once the reader has stored them.
    const done = () => {
      create.reset();
      setName("");
      setScopes(["ingest"]);
      setSigningSecret(false);
      setExpiresOn("");
    };
    return <NewKeyNotice created={result} onDone={done} />;
  }
  const problems = result && !result.ok ? result.problems : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, scopes, signingSecret, expiresOn });
  }

  function toggleScope(scope: KeyScope, on: boolean) {
    setScopes((current) => (on ? KEY_SCOPES.filter((s) => s === scope || current.includes(s)) : current.filter((s) => s !== scope)));
  }

  const errorId = (field: string) => `${id}-${field}-error`;
  return (
    <Card title="Create a key">
      <form className={styles.form} onSubmit={submit} noValidate>
        <div className={styles.field}>
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. registrations-api production"
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={problems.name ? errorId("name") : undefined}
          />
          {problems.name ? <p id={errorId("name")} className={styles.error}>{problems.name}</p> : null}
        </div>

        <fieldset className={styles.fieldset} aria-describedby={problems.scopes ? errorId("scopes") : undefined}>
          <legend>Scopes</legend>
          {KEY_SCOPES.map((scope) => (
            <div key={scope} className={styles.check}>
              <input
                id={`${id}-scope-${scope}`}
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) => toggleScope(scope, event.target.checked)}
                aria-describedby={`${id}-scope-${scope}-hint`}
              />
              <label htmlFor={`${id}-scope-${scope}`}>
                <code>{scope}</code>
              </label>
              <span id={`${id}-scope-${scope}-hint`} className={styles.hint}>
                — {SCOPE_HINTS[scope]}
              </span>
            </div>
          ))}
          {problems.scopes ? <p id={errorId("scopes")} className={styles.error}>{problems.scopes}</p> : null}
        </fieldset>

        <div className={styles.check}>
          <input
            id={`${id}-signing`}
            type="checkbox"
            checked={signingSecret}
            onChange={(event) => setSigningSecret(event.target.checked)}
            aria-describedby={`${id}-signing-hint`}
          />
          <label htmlFor={`${id}-signing`}>Signing secret</label>
          <span id={`${id}-signing-hint`} className={styles.hint}>
            — every submission must then carry a valid <code>Errata-Signature</code> header (README: Signed webhooks)
          </span>
        </div>

        <div className={styles.field}>
          <label htmlFor={`${id}-expires`}>Expires on (optional)</label>
          <input
            id={`${id}-expires`}
            className="input input-inline"
            type="date"
            min={hydrated ? tomorrowUtc() : undefined}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.target.value)}
            aria-invalid={problems.expiresOn ? true : undefined}
            aria-describedby={`${id}-expires-hint${problems.expiresOn ? ` ${errorId("expiresOn")}` : ""}`}
          />
          <span id={`${id}-expires-hint`} className={styles.hint}>
            The key stops working at 00:00 UTC on this day. Leave empty for a key that never expires.
          </span>
          {problems.expiresOn ? <p id={errorId("expiresOn")} className={styles.error}>{problems.expiresOn}</p> : null}
        </div>

        <div>
          <button type="submit" className="button button-primary" disabled={!hydrated || create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </button>
        </div>
        {create.isError ? (
          <p role="alert" className={styles.error}>
            The key could not be created. Try again.
          </p>
        ) : null}
      </form>
    </Card>
  );
}
