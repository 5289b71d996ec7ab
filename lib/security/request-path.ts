/** The request header proxy.ts sets so that a page knows its own path (and query) for sign-in's return. */
export const REQUEST_PATH_HEADER = "x-errata-path";
