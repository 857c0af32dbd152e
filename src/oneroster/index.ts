export * from "./mount.ts";
export { serviceDocument31 } from "./routes/discovery-document.ts";
export * from "./routes/services.ts";
export * from "./wire/status-info.ts";
