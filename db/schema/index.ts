export * from "./api-keys";
export * from "./events";
export * from "./organizations";
export * from "./rejected-ingests";
export * from "./rollups";
