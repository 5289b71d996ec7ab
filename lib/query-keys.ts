import type { OrgTrendRequest } from "@/lib/actions/trends";
import type { SearchFilters } from "@/lib/search/search-filters";
import type { SpikeWindow } from "@/lib/trends/types";

/**
 * Every react-query key in one place: `[entity, "list" | "detail" | "trend", params]`. Entities that
 * mutations invalidate also export their prefix (`all`).
 */
export const queryKeys = {
  requests: {
    search: (query: string, filters: SearchFilters = {}) => ["requests", "list", { query, filters }] as const,
  },
  orgs: {
    trend: (request: OrgTrendRequest) => ["orgs", "trend", request] as const,
  },
  spikes: {
    list: (window: SpikeWindow) => ["spikes", "list", { window }] as const,
  },
  keys: {
    all: ["keys"] as const,
    list: () => ["keys", "list", {}] as const,
  },
  users: {
    all: ["users"] as const,
    list: () => ["users", "list", {}] as const,
  },
};
