"use client";

import { useEffect, useRef } from "react";
import type { ApiKeyView } from "@/lib/actions/keys";
import styles from "./keys.module.css";

interface Props {
  target: ApiKeyView;
  pending: boolean;
  failed: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The confirmation step before a revocation. A native modal <dialog> gives focus trapping, Escape
 * to cancel and an inert page behind it; focus starts on Cancel so Enter never revokes by accident.
 */
export function RevokeDialog({ target, pending, failed, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    cancel.current?.focus();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className={`card ${styles.dialog}`}
      aria-labelledby="revoke-key-heading"
      aria-describedby="revoke-key-text"
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <h2 id="revoke-key-heading">Revoke “{target.name}”?</h2>
      <p id="revoke-key-text">
        Requests with <code>{target.prefix}…</code> will be refused with <code>401 auth.key_revoked</code> from now on. Revoking
        cannot be undone.
      </p>
      {failed ? (
        <p role="alert" className={styles.error}>
          The key could not be revoked. Try again.
        </p>
      ) : null}
      <div className={styles.actions}>
        <button ref={cancel} type="button" className="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
        <button type="button" className={`button ${styles.danger}`} onClick={onConfirm} disabled={pending}>
          {pending ? "Revoking…" : "Revoke key"}
        </button>
      </div>
    </dialog>
  );
}
