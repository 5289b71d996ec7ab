"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import styles from "./confirm-dialog.module.css";
import { keepTabInside } from "./focus-trap";

interface Props {
  title: string;
  /** What confirming does, read out with the title. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** Danger for what cannot be undone or cuts someone off; primary otherwise. */
  tone: "danger" | "primary";
  pending: boolean;
  /** Why the last attempt failed, shown above the buttons. */
  problem: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The confirmation step before a consequential change. A native modal <dialog> cancels on Escape
 * and makes the page behind it inert; Tab cycles inside it; focus starts on Cancel so Enter never
 * confirms by accident. Rendering it opens it; unmounting closes it and returns focus to the control
 * that opened it.
 */
export function ConfirmDialog({ title, children, confirmLabel, pendingLabel, tone, pending, problem, onConfirm, onCancel }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement;
    if (!element.open) element.showModal();
    cancel.current?.focus();
    return () => {
      element.close();
      // The dialog is unmounted rather than closed, so the browser does not hand focus back itself.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={`card ${styles.dialog}`}
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      onKeyDown={(event) => keepTabInside(event, dialog.current)}
    >
      <h2 id={`${id}-heading`}>{title}</h2>
      <p id={`${id}-text`}>{children}</p>
      {problem ? (
        <p role="alert" className={styles.problem}>
          {problem}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button ref={cancel} type="button" className="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
        <button type="button" className={tone === "danger" ? `button ${styles.danger}` : "button button-primary"} onClick={onConfirm} disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
