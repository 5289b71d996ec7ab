export * from "./api-keys";
export * from "./audit-log";
export * from "./auth";
export * from "./events";
export * from "./organizations";
export * from "./rejected-ingests";
export * from "./rollup-epochs";
export * from "./rollups";
