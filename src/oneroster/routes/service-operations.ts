import type { ServiceName } from "../wire/status-info.ts";
import { GRADEBOOK_OPERATIONS } from "./gradebook-routes.ts";
import type { OneRosterOperation } from "./operation-types.ts";
import { RESOURCES_OPERATIONS } from "./resources-routes.ts";
import { ROSTERING_OPERATIONS } from "./rostering-routes.ts";

export const OPERATIONS_BY_SERVICE = {
  rostering: ROSTERING_OPERATIONS,
  gradebook: GRADEBOOK_OPERATIONS,
  resources: RESOURCES_OPERATIONS,
} as const satisfies Record<ServiceName, readonly OneRosterOperation[]>;

export const ALL_OPERATIONS: readonly OneRosterOperation[] =
  Object.values(OPERATIONS_BY_SERVICE).flat();
