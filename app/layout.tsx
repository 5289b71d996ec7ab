import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { MainNav } from "@/components/nav/main-nav";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Errata", template: "%s · Errata" },
  description: "Look up, explain and chart the error envelopes your API returns.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="topbar">
          <div className="topbar-inner">
            <Link className="brand" href="/">
              Errata
            </Link>
            <MainNav />
          </div>
        </header>
        <Providers>
          <main id="main" className="page">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
