/**
 * The address a request came from, as far as the headers tell: the first `X-Forwarded-For` hop
 * (`next start` sets it from the socket; a proxy in front appends to it) or `X-Real-IP`. A client
 * can forge these, so it only ever widens what the per-account sign-in limit already enforces.
 */
export function clientAddressFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
