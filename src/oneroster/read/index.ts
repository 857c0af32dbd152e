export { type GuidRefType, guidRef, type WireContext } from "./guid-refs.ts";
export { mountService, type ServiceDefinition } from "./mount-service.ts";
export { nestedField } from "./nested-field.ts";
export {
  defineReadModel,
  type NestedField,
  type ReadModel,
  type ReadModelSpec,
  selectList,
} from "./read-model.ts";
export type { ReadModels } from "./read-plan.ts";
export { collectionStatements, type ReadScope, type RowSelection } from "./read-rows.ts";
export type { Relations } from "./relations.ts";
