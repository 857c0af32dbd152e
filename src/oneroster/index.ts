export * from "./mount.ts";
export * from "./routes/services.ts";
export * from "./wire/status-info.ts";
