import { randomBytes } from "node:crypto";

/** Errata's own request ids look like the ones it collects: `req_` + 24 hex characters. */
export function newRequestId(): string {
  return `req_${randomBytes(12).toString("hex")}`;
}
