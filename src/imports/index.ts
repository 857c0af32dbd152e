export * from "./import-jobs.ts";
