import type { ReactNode } from "react";

// Sign-in and setup pages: no navigation, since nothing behind it is reachable yet.
export const dynamic = "force-dynamic";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="auth-page">
      <p className="brand auth-brand">Errata</p>
      {children}
    </main>
  );
}
