import "server-only";

import type { Logger } from "pino";
import type { z } from "zod";
import { logger } from "@/lib/log";
import { ApiError, validationFailed } from "./api-error";
import { authenticateRequest, type Actor, type ActorFor, type RouteAuth } from "./authenticate-request";
import { errorResponse, jsonResponse } from "./envelope-response";
import { newRequestId } from "./request-id";
import { toApiError } from "./unexpected-error";
import { fieldProblems } from "./zod-problems";

type RawParams = Record<string, string | string[] | undefined>;

interface RouteOptions<A extends RouteAuth, Q extends z.ZodType, P extends z.ZodType> {
  /** The key scope the route needs (`read` also accepts a dashboard session), or "none" for public routes. */
  auth: A;
  query?: Q;
  params?: P;
  /**
   * Called with every refusal (a 4xx) before it is answered, including authentication's, e.g. to
   * keep a trail. It must not throw; if it does, the failure is logged and the answer is unchanged.
   */
  onRefused?: RefusalHook;
}

export interface RefusalContext {
  requestId: string;
  /** Null when authentication itself refused the request (or the route needs none). */
  actor: Actor | null;
}

export type RefusalHook = (error: ApiError, request: Request, context: RefusalContext) => void;

export interface HandlerArgs<A extends RouteAuth, Q, P> {
  request: Request;
  requestId: string;
  query: Q;
  params: P;
  actor: ActorFor<A>;
  log: Logger;
  /** A JSON response carrying this request's id. */
  reply: (body: unknown, status?: number) => Response;
}

function parseOrThrow<T extends z.ZodType>(schema: T | undefined, value: unknown): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationFailed(fieldProblems(parsed.error));
  return parsed.data;
}

function notifyRefused(hook: RefusalHook | undefined, error: ApiError, request: Request, context: RefusalContext, log: Logger): void {
  try {
    hook?.(error, request, context);
  } catch (thrown) {
    log.warn({ err: thrown }, "onRefused hook failed; answering unchanged");
  }
}

/**
 * The one wrapper every API route goes through: assigns the request id, authenticates, validates
 * query and path parameters, and turns anything thrown into the unified error envelope.
 */
export function route<A extends RouteAuth, Q extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  options: RouteOptions<A, Q, P>,
  handler: (args: HandlerArgs<A, z.infer<Q>, z.infer<P>>) => Promise<Response> | Response,
) {
  return async (request: Request, context: { params: Promise<RawParams> }): Promise<Response> => {
    const requestId = newRequestId();
    const log = logger.child({ request_id: requestId });
    let actor: Actor | null = null;
    try {
      const authenticated = await authenticateRequest(request, options.auth);
      actor = authenticated;
      const url = new URL(request.url);
      // An empty parameter (`?http_status=`) means "no filter", as forms and link builders send it.
      const present = [...url.searchParams].filter(([, value]) => value !== "");
      const query = parseOrThrow(options.query, Object.fromEntries(present));
      const params = parseOrThrow(options.params, await context.params);
      return await handler({
        request,
        requestId,
        query,
        params,
        actor: authenticated,
        log,
        reply: (body, status = 200) => jsonResponse(body, requestId, status),
      });
    } catch (thrown) {
      const error = toApiError(thrown);
      if (error.status >= 500) {
        log.error({ err: thrown, method: request.method, path: new URL(request.url).pathname }, "request failed");
      } else {
        log.info({ code: error.code, status: error.status, path: new URL(request.url).pathname }, "request refused");
        notifyRefused(options.onRefused, error, request, { requestId, actor }, log);
      }
      return errorResponse(error, requestId);
    }
  };
}

export { ApiError };
