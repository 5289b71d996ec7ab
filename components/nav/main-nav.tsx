"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Search", matches: (path: string) => path === "/" || path.startsWith("/requests") },
  { href: "/orgs", label: "Organizations", matches: (path: string) => path.startsWith("/orgs") },
  { href: "/spikes", label: "Spikes", matches: (path: string) => path.startsWith("/spikes") },
  { href: "/codes", label: "Codes", matches: (path: string) => path.startsWith("/codes") },
  { href: "/settings", label: "Settings", matches: (path: string) => path.startsWith("/settings") },
];

/** The main navigation; Settings only for admins, the only ones who may open it. */
export function MainNav({ showSettings }: { showSettings: boolean }) {
  const pathname = usePathname();
  const links = showSettings ? LINKS : LINKS.filter((link) => link.href !== "/settings");
  return (
    <nav className="nav" aria-label="Main">
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.matches(pathname) ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
