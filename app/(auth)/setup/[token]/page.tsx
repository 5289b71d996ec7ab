import type { Metadata } from "next";
import Link from "next/link";
import { readSetupLink } from "@/lib/users/setup-links";
import { SetupForm } from "./_components/setup-form";

export const metadata: Metadata = { title: "Set up your account", referrer: "no-referrer" };

/** A one-time link: creates the first admin, or an invited user, who chooses their own password. */
export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await readSetupLink(token);
  if (!link) {
    return (
      <section className="card">
        <h1>This link no longer works</h1>
        <p>It was already used, was replaced by a newer link, or has expired. Ask an Errata admin for a new one.</p>
        <p>
          <Link href="/sign-in">Go to sign-in</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card">
      <h1>{link.email === null ? "Create the first admin" : "Set up your account"}</h1>
      <p className="muted">
        {link.email === null
          ? "Nobody has an Errata account yet. The account you create here is an admin: it can invite others and manage API keys."
          : `You were invited as ${link.role === "admin" ? "an admin" : "an agent"}. Choose your name and password.`}
      </p>
      <SetupForm token={token} fixedEmail={link.email} />
    </section>
  );
}
