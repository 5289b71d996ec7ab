import type { OrgTrendRequest } from "@/lib/actions/trends";
import type { SpikeWindow } from "@/lib/trends/types";

/** Every react-query key in one place: `[entity, "list" | "detail" | "trend", params]`. */
export const queryKeys = {
  requests: {
    all: ["requests"] as const,
    search: (query: string) => ["requests", "list", { query }] as const,
  },
  orgs: {
    all: ["orgs"] as const,
    trend: (request: OrgTrendRequest) => ["orgs", "trend", request] as const,
  },
  spikes: {
    all: ["spikes"] as const,
    list: (window: SpikeWindow) => ["spikes", "list", { window }] as const,
  },
  keys: {
    all: ["keys"] as const,
    list: () => ["keys", "list", {}] as const,
  },
};
