// Relations made by SQL migrations, for typed queries only: drizzle-kit must not see them.
export * from "./dashboards.ts";
export * from "./lead-touchpoints.ts";
