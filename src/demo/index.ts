export * from "./seed-district.ts";
