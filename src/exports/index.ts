export * from "./disclosed-export.ts";
