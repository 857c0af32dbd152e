export * from "./academic.ts";
export * from "./attendance.ts";
export * from "./columns.ts";
export * from "./gateway.ts";
export * from "./gradebook.ts";
export * from "./organizations.ts";
export * from "./tenants.ts";
export * from "./users.ts";
