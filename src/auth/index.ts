export * from "./bearer.ts";
export * from "./client-changes.ts";
export * from "./client-state.ts";
export * from "./clients.ts";
export * from "./postgres-budgets.ts";
export * from "./rate-limit.ts";
export * from "./scopes.ts";
export * from "./token.routes.ts";
