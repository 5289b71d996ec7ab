import type { CatalogFamily, CodeOrigin } from "@/lib/catalog";
import type { CodeOriginFilter } from "./search-params";

/** What the code list shows of an entry: plain data, so it can cross to the client component. */
export interface CodeSummary {
  code: string;
  title: string;
  meaning: string;
  httpStatus: number;
  origin: CodeOrigin;
  returnedByErrata: boolean;
}

export interface CodeGroup {
  family: string;
  label: string;
  codes: CodeSummary[];
}

/** The catalog's families in display order, stripped of schemas and functions. */
export function summarizeCatalog(families: readonly CatalogFamily[]): CodeGroup[] {
  return families.map((family) => ({
    family: family.family,
    label: family.label,
    codes: family.entries.map(({ code, title, meaning, httpStatus, origin, returnedByErrata }) => ({
      code,
      title,
      meaning,
      httpStatus,
      origin,
      returnedByErrata,
    })),
  }));
}

/** Words of a query: "429 quota" → ["429", "quota"]. */
function queryTokens(query: string): string[] {
  return query.toLowerCase().split(/[\s,]+/).filter(Boolean);
}

/**
 * A token matches a status as typed ("4", "41", "413") or by class ("4xx"), and otherwise any
 * text an agent might remember: the code, its title, its meaning or its family's name.
 */
function tokenMatches(token: string, entry: CodeSummary, familyLabel: string): boolean {
  const statusClass = /^([1-5])xx$/.exec(token);
  if (statusClass) return Math.floor(entry.httpStatus / 100) === Number(statusClass[1]);
  if (/^\d{1,3}$/.test(token)) return String(entry.httpStatus).startsWith(token);
  const text = `${entry.code} ${entry.code.replace(/[._]/g, " ")} ${entry.title} ${entry.meaning} ${familyLabel}`.toLowerCase();
  return text.includes(token);
}

function originMatches(entry: CodeSummary, origin: CodeOriginFilter): boolean {
  return origin === "all" || entry.origin === origin;
}

/** Groups keeping only the codes that match every word of the query; groups left empty are dropped. */
export function filterCodeGroups(groups: readonly CodeGroup[], query: string, origin: CodeOriginFilter = "all"): CodeGroup[] {
  const tokens = queryTokens(query);
  return groups.flatMap((group) => {
    const codes = group.codes.filter(
      (entry) => originMatches(entry, origin) && tokens.every((token) => tokenMatches(token, entry, group.label)),
    );
    return codes.length > 0 ? [{ ...group, codes }] : [];
  });
}

export function countCodes(groups: readonly CodeGroup[]): number {
  return groups.reduce((total, group) => total + group.codes.length, 0);
}
