import { env } from "@/lib/env";

/** The address people open Errata at (ERRATA_BASE_URL, else this machine's port), without a trailing slash. */
export function publicBaseUrl(): string {
  const settings = env();
  return (settings.ERRATA_BASE_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, "");
}
