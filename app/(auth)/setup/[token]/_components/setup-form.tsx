"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { useActionState } from "react";
import { completeSetup, type SetupField, type SetupState } from "@/lib/actions/setup";

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

export function SetupForm({ token, fixedEmail }: { token: string; fixedEmail: string | null }) {
  const [state, action, pending] = useActionState(completeSetup, { error: null, problems: {}, values: { email: fixedEmail ?? "", name: "" } } satisfies SetupState);
  const invalid = (field: SetupField) => (state.problems[field] ? { "aria-invalid": true, "aria-describedby": `setup-${field}-error` } : {});
  return (
    <form action={action} className="form-stack">
      <FormAlert message={state.error} />
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="setup-email">E-mail</label>
        <input
          id="setup-email"
          className="input"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values.email}
          readOnly={fixedEmail !== null}
          {...invalid("email")}
        />
        <FieldError id="setup-email-error" message={state.problems.email} />
      </div>
      <div className="field">
        <label htmlFor="setup-name">Name</label>
        <input id="setup-name" className="input" name="name" autoComplete="name" required defaultValue={state.values.name} {...invalid("name")} />
        <FieldError id="setup-name-error" message={state.problems.name} />
      </div>
      <div className="field">
        <label htmlFor="setup-password">Password (at least 10 characters)</label>
        <input id="setup-password" className="input" name="password" type="password" autoComplete="new-password" required {...invalid("password")} />
        <FieldError id="setup-password-error" message={state.problems.password} />
      </div>
      <div className="field">
        <label htmlFor="setup-confirm">Password again</label>
        <input id="setup-confirm" className="input" name="confirm" type="password" autoComplete="new-password" required {...invalid("confirm")} />
        <FieldError id="setup-confirm-error" message={state.problems.confirm} />
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? "Creating account…" : "Create account and sign in"}
      </button>
    </form>
  );
}
