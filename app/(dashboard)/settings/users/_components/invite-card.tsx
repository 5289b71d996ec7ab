"use client";

import { useId, useState, type FormEvent } from "react";
import { Card } from "@/components/ui/card";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useCreateInvitation } from "@/lib/hooks/use-users";
import { ROLES, type Role } from "@/lib/session/roles";
import { InvitationNotice } from "./invitation-notice";
import styles from "./users.module.css";

const ROLE_HINTS: Record<Role, string> = {
  agent: "search, view requests and charts",
  admin: "also manage API keys and users, and read the audit log",
};

/** The invitation form; after a success it gives way to the one-time view of the link. */
export function InviteCard() {
  const id = useId();
  const invite = useCreateInvitation();
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("agent");

  const result = invite.data;
  if (result?.ok) {
    // reset() drops the link from the mutation cache once the admin has passed it on.
    const done = () => {
      invite.reset();
      setEmail("");
      setRole("agent");
    };
    return <InvitationNotice invitation={result.invitation} onDone={done} />;
  }
  const problems = result && !result.ok ? result.problems : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate({ email, role });
  }

  const errorId = (field: string) => `${id}-${field}-error`;
  return (
    <Card title="Invite a person">
      <form className={styles.form} onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-email`}>E-mail address</label>
          <input
            id={`${id}-email`}
            className="input"
            type="email"
            autoComplete="off"
            value={email}
            maxLength={254}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={problems.email ? true : undefined}
            aria-describedby={problems.email ? errorId("email") : undefined}
          />
          {problems.email ? <p id={errorId("email")} className="field-error">{problems.email}</p> : null}
        </div>

        <fieldset className={styles.fieldset} aria-describedby={problems.role ? errorId("role") : undefined}>
          <legend>Role</legend>
          {ROLES.map((option) => (
            <div key={option} className={styles.choice}>
              <input
                id={`${id}-role-${option}`}
                type="radio"
                name={`${id}-role`}
                value={option}
                checked={role === option}
                onChange={() => setRole(option)}
                aria-describedby={`${id}-role-${option}-hint`}
              />
              <label htmlFor={`${id}-role-${option}`}>{option}</label>
              <span id={`${id}-role-${option}-hint`} className={styles.hint}>
                — {ROLE_HINTS[option]}
              </span>
            </div>
          ))}
          {problems.role ? <p id={errorId("role")} className="field-error">{problems.role}</p> : null}
        </fieldset>

        <div>
          <button type="submit" className="button button-primary" disabled={!hydrated || invite.isPending}>
            {invite.isPending ? "Creating…" : "Create invitation link"}
          </button>
        </div>
        {invite.isError ? (
          <p role="alert" className="field-error">
            The invitation could not be created. Try again.
          </p>
        ) : null}
      </form>
    </Card>
  );
}
