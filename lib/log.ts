import pino from "pino";

/**
 * Structured JSON logs. Tokens and request bodies are never logged; the redact list is a second
 * line of defence for fields that might carry them by accident.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "errata" },
  redact: ["authorization", "headers.authorization", "key", "secret", "body"],
});
