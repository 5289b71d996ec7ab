const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change state in the dashboard: safe methods always, anything else only
 * when the browser says it came from one of our own pages (Origin, or Referer when a privacy
 * setting dropped Origin). Together with SameSite=Lax session cookies this stops cross-site form
 * posts (CSRF) against sign-in, sign-out and every server action. `allowedOrigins` holds the
 * origin the request was addressed to and, if configured, the public base URL's.
 */
export function isSameOriginWrite(method: string, headers: Headers, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const origin = headers.get("origin");
  if (origin !== null) return allowedOrigins.includes(origin);
  const referer = headers.get("referer");
  if (referer === null) return false;
  try {
    return allowedOrigins.includes(new URL(referer).origin);
  } catch {
    return false;
  }
}
