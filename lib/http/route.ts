import "server-only";

import type { Logger } from "pino";
import type { z } from "zod";
import { logger } from "@/lib/log";
import { runWithLogContext } from "@/lib/log-context";
import { ApiError, validationFailed } from "./api-error";
import { authenticateRequest, type Actor, type ActorFor, type RouteAuth } from "./authenticate-request";
import { errorResponse, jsonResponse } from "./envelope-response";
import { refuseNulCharacters } from "./nul-characters";
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

/** How one request ended: the response, and the envelope error and its cause when it failed. */
interface Outcome {
  response: Response;
  error?: ApiError;
  thrown?: unknown;
}

function elapsedMs(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 10) / 10;
}

/**
 * The one access-log line of a request. The path leaves out the query string, which may carry
 * search text; the duration runs to the response's headers (a streamed export goes on after it).
 */
function logOutcome(log: Logger, request: Request, { response, error, thrown }: Outcome, startedAt: number): void {
  const line = { method: request.method, path: new URL(request.url).pathname, status: response.status, duration_ms: elapsedMs(startedAt) };
  if (!error) log.info(line, "request completed");
  else if (error.status >= 500) log.error({ ...line, code: error.code, err: thrown }, "request failed");
  else log.info({ ...line, code: error.code }, "request refused");
}

/**
 * The one wrapper every API route goes through: assigns the request id (and puts it on every log
 * line written while the request is handled), authenticates, validates query and path parameters,
 * turns anything thrown into the unified error envelope, and logs one line when it is answered.
 */
export function route<A extends RouteAuth, Q extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  options: RouteOptions<A, Q, P>,
  handler: (args: HandlerArgs<A, z.infer<Q>, z.infer<P>>) => Promise<Response> | Response,
) {
  async function answer(request: Request, context: { params: Promise<RawParams> }, requestId: string, log: Logger): Promise<Outcome> {
    let actor: Actor | null = null;
    try {
      const authenticated = await authenticateRequest(request, options.auth);
      actor = authenticated;
      const url = new URL(request.url);
      // An empty parameter (`?http_status=`) means "no filter", as forms and link builders send it.
      const present = Object.fromEntries([...url.searchParams].filter(([, value]) => value !== ""));
      const rawParams = await context.params;
      refuseNulCharacters({ ...present, ...rawParams });
      const query = parseOrThrow(options.query, present);
      const params = parseOrThrow(options.params, rawParams);
      const response = await handler({
        request,
        requestId,
        query,
        params,
        actor: authenticated,
        log,
        reply: (body, status = 200) => jsonResponse(body, requestId, status),
      });
      return { response };
    } catch (thrown) {
      const error = toApiError(thrown);
      if (error.status < 500) notifyRefused(options.onRefused, error, request, { requestId, actor }, log);
      return { response: errorResponse(error, requestId), error, thrown };
    }
  }

  return (request: Request, context: { params: Promise<RawParams> }): Promise<Response> => {
    const requestId = newRequestId();
    // Bound as well as in the log context: a streamed body logs through it after the handler returned.
    const log = logger.child({ request_id: requestId });
    return runWithLogContext({ request_id: requestId }, async () => {
      const startedAt = performance.now();
      const outcome = await answer(request, context, requestId, log);
      logOutcome(log, request, outcome, startedAt);
      return outcome.response;
    });
  };
}

export { ApiError };
