import type { ServiceName } from "../wire/status-info.ts";

/** Where each service lives and the official document it implements. */

export const BASE_PATHS = {
  rostering: "/ims/oneroster/rostering/v1p2",
  gradebook: "/ims/oneroster/gradebook/v1p2",
  resources: "/ims/oneroster/resources/v1p2",
} as const satisfies Record<ServiceName, string>;

/** File names of the official OpenAPI documents, which discovery endpoints also serve under. */
export const OFFICIAL_DOCUMENTS = {
  rostering: "onerosterv1p2rostersservice_openapi3_v1p0.json",
  gradebook: "onerosterv1p2gradebookservice_openapi3_v1p0.json",
  resources: "onerosterv1p2resourcesservice_openapi3_v1p0.json",
} as const satisfies Record<ServiceName, string>;

export const SERVICE_TITLES = {
  rostering: "OneRoster 1.2 Rostering service",
  gradebook: "OneRoster 1.2 Gradebook service",
  resources: "OneRoster 1.2 Resources service",
} as const satisfies Record<ServiceName, string>;
