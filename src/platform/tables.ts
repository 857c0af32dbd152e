// Relations the platform migrations create in SQL, typed for queries (kept away from drizzle-kit).
export * from "../db/schema/platform/existing/index.ts";
