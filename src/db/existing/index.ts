export * from "./audit-logs.ts";
