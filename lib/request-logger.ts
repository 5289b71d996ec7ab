import "server-only";

import { headers } from "next/headers";
import type { Logger } from "pino";
import { REQUEST_ID_HEADER } from "./http/envelope-response";
import { logger } from "./log";
import { currentLogContext } from "./log-context";

/**
 * The logger for code that runs in a page or a server action. API routes run inside route()'s log
 * context, whose request id the logger's mixin adds to every line; pages and actions have no such
 * wrapper (nothing runs around a render), so their lines carry the id proxy.ts gave the request,
 * read from its headers. Outside any request (the CLI, a timer) it is the plain logger.
 */
export async function requestLogger(): Promise<Logger> {
  if (currentLogContext()) return logger;
  const requestId = await pageRequestId();
  return requestId ? logger.child({ request_id: requestId }) : logger;
}

async function pageRequestId(): Promise<string | null> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    // headers() throws outside a request's scope.
    return null;
  }
}
