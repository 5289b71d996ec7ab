"use client";

import { useEffect, useId, useRef, type Ref } from "react";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { ApiKeyView } from "@/lib/actions/keys";
import styles from "./keys.module.css";

interface Created {
  key: ApiKeyView;
  secret: string;
  signingSecret: string | null;
}

function SecretField({ label, value, inputRef }: { label: string; value: string; inputRef?: Ref<HTMLInputElement> }) {
  const id = useId();
  return (
    <div className={styles.secret}>
      <label htmlFor={id}>
        <strong>{label}</strong>
      </label>
      <div className={styles.secretRow}>
        <input id={id} ref={inputRef} className="input" readOnly value={value} spellCheck={false} onFocus={(event) => event.target.select()} />
        <CopyButton text={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}

/** The one and only view of a new key (and its signing secret); "Done" forgets them. */
export function NewKeyNotice({ created, onDone }: { created: Created; onDone: () => void }) {
  const keyInput = useRef<HTMLInputElement>(null);
  // Focus lands on the key, so keyboard and screen reader users meet it (and the warning) first.
  useEffect(() => keyInput.current?.focus(), []);
  const { key } = created;
  return (
    <Card title={`Key “${key.name}” created`} id="new-key">
      <div className="callout callout-warning" role="note">
        <strong>Store it now.</strong>
        <p>
          This is the only time Errata shows this key{created.signingSecret ? " and its signing secret" : ""}. Errata keeps only
          a hash of the key and cannot show it again; if it is lost, create a new key and revoke this one.
        </p>
      </div>
      <SecretField label="API key" value={created.secret} inputRef={keyInput} />
      {created.signingSecret ? <SecretField label="Signing secret" value={created.signingSecret} /> : null}
      <dl className="facts">
        <dt>Prefix</dt>
        <dd>
          <code>{key.prefix}</code>
        </dd>
        <dt>Scopes</dt>
        <dd>{key.scopes.join(", ")}</dd>
        <dt>Expires</dt>
        <dd>{key.expiresAt === null ? "never" : `${new Date(key.expiresAt).toISOString().slice(0, 16).replace("T", " ")} UTC`}</dd>
      </dl>
      <div>
        <button type="button" className="button button-primary" onClick={onDone}>
          Done — I have stored it
        </button>
      </div>
    </Card>
  );
}
