import { parseAsString, parseAsStringLiteral } from "nuqs/server";

export const CODE_ORIGINS = ["all", "api", "errata"] as const;
export type CodeOriginFilter = (typeof CODE_ORIGINS)[number];

/** The catalog page's filter, kept in the URL so a filtered list can be shared. */
export const codeListParams = {
  q: parseAsString.withDefault(""),
  origin: parseAsStringLiteral(CODE_ORIGINS).withDefault("all"),
};
