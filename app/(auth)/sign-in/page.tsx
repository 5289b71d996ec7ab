import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/session/current-user";
import { safeReturnPath } from "@/lib/session/return-path";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : null);
  if (await currentUser()) redirect(returnTo);
  return (
    <section className="card">
      <h1>Sign in</h1>
      <SignInForm next={returnTo} />
      <p className="muted">
        No account? An Errata admin can invite you. The first admin is created with the setup link the server prints at its
        first start, or with <code>npm run errata -- users create --email you@example.com --role admin</code>.
      </p>
    </section>
  );
}
