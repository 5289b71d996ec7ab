import { ApiError } from "./api-error";

export const REQUEST_ID_HEADER = "X-Request-Id";

/** Serializes an ApiError as the unified envelope, with the request id in body and header. */
export function errorResponse(error: ApiError, requestId: string): Response {
  return Response.json(
    { code: error.code, message: error.message, details: error.details, request_id: requestId },
    { status: error.status, headers: { ...error.headers, [REQUEST_ID_HEADER]: requestId } },
  );
}

export function jsonResponse(body: unknown, requestId: string, status = 200): Response {
  return Response.json(body, { status, headers: { [REQUEST_ID_HEADER]: requestId } });
}
