"use client";

import { useEffect, useId, useRef } from "react";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import type { Invitation } from "@/lib/actions/users";
import styles from "./users.module.css";

/** The one and only view of an invitation link; "Done" forgets it. */
export function InvitationNotice({ invitation, onDone }: { invitation: Invitation; onDone: () => void }) {
  const id = useId();
  const linkInput = useRef<HTMLInputElement>(null);
  // Focus lands on the link, so keyboard and screen reader users meet it (and the notes) first.
  useEffect(() => linkInput.current?.focus(), []);
  return (
    <Card title={`Invitation for ${invitation.email}`} id="new-invitation">
      <div className="callout callout-warning" role="note">
        <strong>Copy the link now and send it to {invitation.email} yourself.</strong>
        <p>
          Errata sends no e-mail and shows this link only once. It works one time, for {invitation.validForHours} hours (until{" "}
          <LocalTime ms={invitation.expiresAt} relative={false} />
          ), and makes a {invitation.role} account. Inviting the same address again replaces this link: only the newest one
          works.
        </p>
      </div>
      <div className={styles.link}>
        <label htmlFor={id}>
          <strong>Setup link</strong>
        </label>
        <div className={styles.linkRow}>
          <input id={id} ref={linkInput} className="input" readOnly value={invitation.url} spellCheck={false} onFocus={(event) => event.target.select()} />
          <CopyButton text={invitation.url} label="Copy link" />
        </div>
      </div>
      <div>
        <button type="button" className="button button-primary" onClick={onDone}>
          Done — I have sent it
        </button>
      </div>
    </Card>
  );
}
