import { apiKeyAuthEntries } from "./codes/api-key";
import { apiKeyManagementEntries } from "./codes/api-key-management";
import { commonEntries } from "./codes/common";
import { errataEntries } from "./codes/errata";
import { registrationEntries } from "./codes/registration";
import { explainUnknownCode, statusClass } from "./generic";
import type { CatalogEntry, CatalogFlag, DetailNote, DetailsCheck, EventFacts, Explanation } from "./types";

export type * from "./types";

/** Every entry: the seed's codes in the seed's order, then Errata's own. */
export const catalogEntries: readonly CatalogEntry[] = [
  ...apiKeyAuthEntries,
  ...registrationEntries,
  ...apiKeyManagementEntries,
  ...commonEntries,
  ...errataEntries,
];

const byCode = new Map(catalogEntries.map((entry) => [entry.code, entry]));

export function findCatalogEntry(code: string): CatalogEntry | undefined {
  return byCode.get(code);
}

export function familyOf(code: string): string {
  return code.split(".", 1)[0] ?? code;
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : `${acc}.${String(seg)}`),
    "details",
  );
}

type Validated = { check: { status: "ok" }; data: Record<string, unknown> } | { check: DetailsCheck; data: null };

function validate(entry: CatalogEntry, details: unknown): Validated {
  // Envelopes commonly omit details or send null; both mean "no details", not a wrong shape.
  const parsed = entry.detailsSchema.safeParse(details ?? {});
  if (parsed.success) return { check: { status: "ok" }, data: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
  return { check: { status: "mismatch", issues }, data: null };
}

export function checkDetails(code: string, details: unknown): DetailsCheck {
  const entry = findCatalogEntry(code);
  return entry ? validate(entry, details).check : { status: "unknown_code" };
}

export function catalogFlagFor(code: string, details: unknown): CatalogFlag | null {
  const check = checkDetails(code, details);
  if (check.status === "unknown_code") return "unknown_code";
  return check.status === "mismatch" ? "details_mismatch" : null;
}

function explainUnknown(event: EventFacts): Explanation {
  const generic = explainUnknownCode(event.code, event.httpStatus);
  return {
    code: event.code,
    inCatalog: false,
    origin: null,
    family: familyOf(event.code),
    title: `Not in the catalog (${generic.label})`,
    httpStatus: event.httpStatus,
    catalogStatus: null,
    summary: generic.summary,
    meaning: `Not documented in the catalog. HTTP ${event.httpStatus} means ${generic.means}.`,
    notes: [],
    causes: generic.causes,
    customerReply: generic.customerReply,
    engineerChecks: generic.engineerChecks,
    retry: generic.retry,
    detailsCheck: { status: "unknown_code" },
  };
}

function statusNote(event: EventFacts, entry: CatalogEntry): DetailNote {
  const eventClass = statusClass(event.httpStatus).label.toLowerCase();
  return {
    field: "http_status",
    value: String(event.httpStatus),
    note: `The catalog documents HTTP ${entry.httpStatus} for this code, but the event reported ${event.httpStatus} (${eventClass}); the emitter or a proxy in between may be rewriting the status.`,
  };
}

/** The seed's meanings end with pointers such as "— details.reason"; a summary sentence reads better without them. */
function withoutDetailsHint(meaning: string): string {
  return meaning.replace(/\s+[—-]\s+(see\s+)?details\..*$/i, "").replace(/\s*\(details\..*\)$/i, "");
}

export function explainEvent(event: EventFacts): Explanation {
  const entry = findCatalogEntry(event.code);
  if (!entry) return explainUnknown(event);

  const { check, data } = validate(entry, event.details);
  // Entry-specific wording only ever sees details that passed the entry's schema.
  const specific = data && entry.explain ? entry.explain(data, event) : {};
  const notes = [...(specific.notes ?? [])];
  if (event.httpStatus !== entry.httpStatus) notes.push(statusNote(event, entry));

  const mismatchSuffix =
    check.status === "mismatch"
      ? " The event's details do not match the documented shape, so this explanation does not use their values."
      : "";

  return {
    code: entry.code,
    inCatalog: true,
    origin: entry.origin,
    family: entry.family,
    title: entry.title,
    httpStatus: event.httpStatus,
    catalogStatus: entry.httpStatus,
    summary: `${specific.summary ?? `${withoutDetailsHint(entry.meaning)}.`}${mismatchSuffix}`,
    meaning: entry.meaning,
    notes,
    causes: entry.causes,
    customerReply: specific.customerReply ?? entry.customerReply,
    engineerChecks: entry.engineerChecks,
    retry: { verdict: entry.retry.verdict, advice: specific.retryAdvice ?? entry.retry.advice },
    detailsCheck: check,
  };
}

const FAMILY_LABELS: Record<string, string> = {
  api_key: "API keys",
  registration: "Registration",
  common: "Common",
  auth: "Errata authentication",
  ingest: "Errata ingest",
};

export interface CatalogFamily {
  family: string;
  label: string;
  entries: readonly CatalogEntry[];
}

const families: readonly CatalogFamily[] = (() => {
  const grouped = new Map<string, CatalogEntry[]>();
  for (const entry of catalogEntries) {
    const list = grouped.get(entry.family) ?? [];
    list.push(entry);
    grouped.set(entry.family, list);
  }
  return [...grouped].map(([family, entries]) => ({ family, label: FAMILY_LABELS[family] ?? family, entries }));
})();

/** Families in display order (first appearance in the catalog: the API's first, then Errata's). */
export function catalogFamilies(): readonly CatalogFamily[] {
  return families;
}
