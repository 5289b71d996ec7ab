import { NextResponse, type NextRequest } from "next/server";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse, REQUEST_ID_HEADER } from "@/lib/http/envelope-response";
import { newRequestId } from "@/lib/http/request-id";
import { REQUEST_PATH_HEADER } from "@/lib/security/request-path";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";
import { isSameOriginWrite } from "@/lib/security/same-origin";


function allowedOrigins(request: NextRequest): string[] {
  const origins = [request.nextUrl.origin];
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) origins.push(`${request.nextUrl.protocol}//${host}`);
  const base = process.env.ERRATA_BASE_URL;
  if (base) origins.push(new URL(base).origin);
  return origins;
}

function crossSiteRefusal(): Response {
  const error = new ApiError(
    403,
    "common.forbidden",
    "This request did not come from an Errata page, so it was refused (cross-site request protection).",
    { reason: "cross_site_request" },
  );
  return errorResponse(error, newRequestId());
}

/**
 * Runs before every page and server action (not the API, whose callers authenticate with keys):
 * refuses cross-site writes, and gives each page a fresh CSP nonce and a request id. Sign-in itself is checked by
 * each page and action, where the session can be looked up; this only sees the request.
 */
export function proxy(request: NextRequest) {
  if (!isSameOriginWrite(request.method, request.headers, allowedOrigins(request))) return crossSiteRefusal();
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  // Pages and actions log with it (lib/request-logger.ts); the answer carries it, as the API's do.
  const requestId = newRequestId();
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: [
    // Everything but the JSON API (keys, not cookies; its routes set their own headers) and static files.
    "/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)",
  ],
};
