"use client";

import type { useQueryStates } from "nuqs";
import { hasActiveFilters, type SearchFilters } from "@/lib/search/search-filters";
import { CLEARED_FILTERS, type searchPageParams, type SearchPageState } from "../search-params";
import { SearchFieldFilters, type FilterChoices } from "./search-field-filters";
import { TimeRangeFilter } from "./time-range-filter";
import styles from "./search.module.css";

type SetSearchState = ReturnType<typeof useQueryStates<typeof searchPageParams>>[1];

interface Props {
  state: SearchPageState;
  filters: SearchFilters;
  choices: FilterChoices;
  setState: SetSearchState;
}

/** The filters under the search box; every change goes to the URL, which the results follow. */
export function SearchFilterBar({ state, filters, choices, setState }: Props) {
  const fieldValues = { org_id: state.org_id, code: state.code, http_status: state.http_status, service: state.service };
  return (
    <section className={`card ${styles.filters}`} aria-labelledby="filters-heading">
      <div className="card-header">
        <h2 id="filters-heading">Filters</h2>
        {hasActiveFilters(filters) ? (
          <button type="button" className="button" onClick={() => void setState(CLEARED_FILTERS)}>
            Clear filters
          </button>
        ) : null}
      </div>
      <SearchFieldFilters
        key={JSON.stringify(fieldValues)}
        values={fieldValues}
        choices={choices}
        onApply={(values) =>
          void setState({
            org_id: values.org_id || null,
            code: values.code || null,
            http_status: values.http_status,
            service: values.service || null,
          })
        }
      />
      <TimeRangeFilter
        range={filters.range ?? null}
        from={state.from}
        to={state.to}
        onPreset={(range) => void setState({ range, from: null, to: null })}
        onCustom={(from, to) => void setState({ range: "custom", from, to })}
      />
    </section>
  );
}
