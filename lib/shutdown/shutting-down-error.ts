import { ApiError } from "@/lib/http/api-error";

/** Long enough for a load balancer to notice the instance is going; another one takes the retry. */
export const SHUTDOWN_RETRY_AFTER_SECONDS = 2;

/** The 503 of a request this instance will not take because it is stopping (`details.reason = "shutting_down"`). */
export function shuttingDownError(message: string, headers: Record<string, string> = {}): ApiError {
  return new ApiError(
    503,
    "common.service_unavailable",
    message,
    { reason: "shutting_down", retry_after_seconds: SHUTDOWN_RETRY_AFTER_SECONDS },
    { ...headers, "Retry-After": String(SHUTDOWN_RETRY_AFTER_SECONDS) },
  );
}
