"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { useActionState } from "react";
import { signIn, type SignInState } from "@/lib/actions/session";

const INITIAL: SignInState = { error: null, email: "" };

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signIn, INITIAL);
  return (
    <form action={action} className="form-stack">
      <FormAlert message={state.error} />
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="sign-in-email">E-mail</label>
        <input id="sign-in-email" className="input" name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </div>
      <div className="field">
        <label htmlFor="sign-in-password">Password</label>
        <input id="sign-in-password" className="input" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
