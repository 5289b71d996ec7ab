import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/session/current-user";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS = [
  { href: "/settings/keys", title: "API keys", text: "Create keys for services and scripts, require signed submissions, set expiries, revoke keys." },
  { href: "/settings/ingest", title: "Ingest trail", text: "Submissions Errata refused in the last 7 days, and why." },
  { href: "/settings/audit", title: "Audit log", text: "Who viewed which request, and when: on the dashboard or through the API." },
  { href: "/settings/users", title: "Users", text: "Invite people, change roles, deactivate accounts, sign people out everywhere." },
];

export default async function SettingsPage() {
  await requirePageUser("admin");
  return (
    <>
      <header className="page-header">
        <h1>Settings</h1>
        <p className="lede muted">How services reach Errata, and what it refused.</p>
      </header>
      <nav aria-label="Settings">
        <ul className="result-list">
          {SECTIONS.map((section) => (
            <li key={section.href}>
              <Link href={section.href}>
                <strong>{section.title}</strong>
              </Link>
              <span className="muted">{section.text}</span>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
