import type { AppOpenAPI } from "../kernel/app-env.ts";
import { registerClientRoutes } from "./clients.routes.ts";
import { registerExportRoutes } from "./exports.routes.ts";
import { registerImportRoutes } from "./imports.routes.ts";
import { registerMetricsRoutes } from "./metrics.routes.ts";

/** The gateway's own admin API under /admin/v1 (scopes gateway.import, gateway.export, gateway.admin). */
export function registerAdmin(app: AppOpenAPI): void {
  registerImportRoutes(app);
  registerExportRoutes(app);
  registerMetricsRoutes(app);
  registerClientRoutes(app);
}

export { oneRosterExportResponse } from "./exports.routes.ts";
export type { ImportJobBody } from "./import-schemas.ts";
export { importJobBody } from "./imports.routes.ts";
export { startUploadedImport, type UploadedImport } from "./start-import.ts";
