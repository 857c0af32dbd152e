export * from "../../kernel/oneroster-scopes.ts";
export * from "./discovery-document.ts";
export * from "./gradebook-routes.ts";
export type {
  EntityTarget,
  HttpMethod,
  OneRosterOperation,
  OneRosterRoute,
  OperationKind,
  PathParent,
  Subset,
} from "./operation-types.ts";
export * from "./parameters.ts";
export * from "./resources-routes.ts";
export * from "./rostering-routes.ts";
export * from "./service-operations.ts";
export * from "./services.ts";
