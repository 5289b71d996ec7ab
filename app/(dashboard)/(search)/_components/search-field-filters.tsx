"use client";

import type { FormEvent, InputHTMLAttributes } from "react";
import styles from "./search.module.css";

export interface FilterChoices {
  orgs: readonly { id: string; name: string | null }[];
  codes: readonly string[];
}

export interface FieldFilterValues {
  org_id: string;
  code: string;
  http_status: number | null;
  service: string;
}

type FieldName = keyof FieldFilterValues;

/** The inputs, in order; identifiers are typed exactly, so no spell checking or autocomplete. */
const FIELDS: { name: FieldName; label: string; input: InputHTMLAttributes<HTMLInputElement> }[] = [
  { name: "org_id", label: "Organization", input: { list: "search-filter-orgs", maxLength: 128 } },
  { name: "code", label: "Code", input: { list: "search-filter-codes", maxLength: 100 } },
  { name: "http_status", label: "HTTP status", input: { type: "number", min: 100, max: 599, inputMode: "numeric" } },
  { name: "service", label: "Service", input: { maxLength: 200 } },
];

function textField(form: FormData, name: FieldName): string {
  return String(form.get(name) ?? "").trim();
}

/**
 * Organization, code, HTTP status and service, applied together (typing a name should not search on
 * every letter). Remounted with new `values` when the URL changes, so the inputs always show it.
 */
export function SearchFieldFilters({ values, choices, onApply }: { values: FieldFilterValues; choices: FilterChoices; onApply: (values: FieldFilterValues) => void }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const status = textField(form, "http_status");
    onApply({ org_id: textField(form, "org_id"), code: textField(form, "code"), http_status: status ? Number(status) : null, service: textField(form, "service") });
  }

  return (
    <form className={styles.fields} onSubmit={submit} aria-label="Filter by field">
      {FIELDS.map((field) => (
        <label key={field.name} className={styles.field}>
          <span>{field.label}</span>
          <input className="input input-inline" name={field.name} defaultValue={values[field.name] ?? ""} autoComplete="off" spellCheck={false} {...field.input} />
        </label>
      ))}
      <datalist id="search-filter-orgs">
        {choices.orgs.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name ?? org.id}
          </option>
        ))}
      </datalist>
      <datalist id="search-filter-codes">
        {choices.codes.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <div className={styles.actions}>
        <button type="submit" className="button">
          Apply filters
        </button>
      </div>
    </form>
  );
}
