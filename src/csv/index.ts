export * from "./catalogue.ts";
export * from "./lifecycle.ts";
export * from "./package-limits.ts";
export * from "./problems-csv.ts";
export * from "./read-package.ts";
export * from "./report.ts";
export * from "./write-package.ts";
