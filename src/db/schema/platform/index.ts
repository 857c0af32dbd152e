export * from "./automation.ts";
export * from "./coaches.ts";
export * from "./communication.ts";
export * from "./facilities.ts";
export * from "./financial.ts";
export * from "./leads.ts";
export * from "./quality.ts";
