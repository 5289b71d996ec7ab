export * from "./api-keys";
export * from "./audit-log";
export * from "./auth";
export * from "./events";
export * from "./organizations";
export * from "./pruned-events";
export * from "./rejected-ingests";
export * from "./rollups";
