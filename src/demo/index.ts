export * from "./school-year.ts";
export * from "./seed-district.ts";
