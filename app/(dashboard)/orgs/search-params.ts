import { createLoader, parseAsString, parseAsStringLiteral } from "nuqs/server";

export const ORG_SORTS = ["errors", "change", "name"] as const;
export type OrgSort = (typeof ORG_SORTS)[number];

/** The organizations list's filter and sort, kept in the URL. */
export const orgListParams = {
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(ORG_SORTS).withDefault("errors"),
};

export const loadOrgListParams = createLoader(orgListParams);
