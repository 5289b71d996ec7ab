/** Every react-query key in one place: `[entity, "list" | "detail" | "trend", params]`. */
export const queryKeys = {
  requests: {
    all: ["requests"] as const,
    search: (query: string) => ["requests", "list", { query }] as const,
  },
};
