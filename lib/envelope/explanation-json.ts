import type { CatalogEntry, Explanation } from "@/lib/catalog/types";

/** An explanation as the public API shows it (snake_case). */
export function toExplanationJson(explanation: Explanation) {
  return {
    code: explanation.code,
    in_catalog: explanation.inCatalog,
    origin: explanation.origin,
    family: explanation.family,
    title: explanation.title,
    http_status: explanation.httpStatus,
    catalog_status: explanation.catalogStatus,
    summary: explanation.summary,
    meaning: explanation.meaning,
    notes: explanation.notes,
    causes: explanation.causes,
    customer_reply: explanation.customerReply,
    engineer_checks: explanation.engineerChecks,
    retry: explanation.retry,
    details_check: explanation.detailsCheck,
  };
}

/** A catalog entry as the public API shows it; the zod schema and functions stay server-side. */
export function toCatalogEntryJson(entry: CatalogEntry) {
  return {
    code: entry.code,
    http_status: entry.httpStatus,
    family: entry.family,
    origin: entry.origin,
    returned_by_errata: entry.returnedByErrata,
    title: entry.title,
    meaning: entry.meaning,
    details_fields: entry.detailsFields.map(({ name, type, meaning, customerSafe }) => ({ name, type, meaning, customer_safe: customerSafe })),
    causes: entry.causes,
    customer_reply: entry.customerReply,
    engineer_checks: entry.engineerChecks,
    retry: entry.retry,
  };
}
