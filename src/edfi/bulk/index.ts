export { type EdfiExportRequest, startEdfiExport } from "./disclosed-edfi-export.ts";
export type { EdfiManifest } from "./export-edfi.ts";
