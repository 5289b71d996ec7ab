import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/session/current-user";

/**
 * Checks sign-in outside the page's loading boundary: with loading.tsx, Next.js starts streaming
 * the shell (status 200) before the page itself runs, so a signed-out visitor would get a 200 and
 * a client-side redirect instead of a real 307 to sign-in. The page checks again (and audits).
 */
export default async function RequestLayout({ children }: { children: ReactNode }) {
  await requirePageUser();
  return children;
}
