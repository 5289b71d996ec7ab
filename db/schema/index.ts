export * from "./api-keys";
export * from "./events";
export * from "./organizations";
export * from "./rollups";
