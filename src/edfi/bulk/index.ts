export type { EdfiManifest } from "./export-edfi.ts";
export { type EdfiExportRequest, startEdfiExport } from "./disclosed-edfi-export.ts";
