export * from "./dashboards.ts";
export * from "./maintain.ts";
export * from "./partition-upkeep.ts";
export * from "./tables.ts";
export * from "./user-context.ts";
