/** A failure that reaches the client as the unified envelope `{code, message, details, request_id}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface FieldProblem {
  /** Where the problem is, e.g. `events[3].code` or `limit`. */
  path: string;
  message: string;
}

export function validationFailed(fields: FieldProblem[]): ApiError {
  const noun = fields.length === 1 ? "field is" : "fields are";
  return new ApiError(422, "common.validation_failed", `${fields.length} ${noun} invalid.`, { fields });
}

export function notFound(resource: string, id: string): ApiError {
  return new ApiError(404, "common.not_found", `No ${resource} with id ${JSON.stringify(id)}.`, { resource, id });
}

export function badRequest(message: string, details: Record<string, unknown>): ApiError {
  return new ApiError(400, "common.bad_request", message, details);
}
