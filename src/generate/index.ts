export { currentSchoolYear } from "./calendar.ts";
export {
  DEMO_DISTRICT,
  type DistrictFiles,
  GENERATED_METADATA_COLUMNS,
  generateDistrict,
} from "./district.ts";
export type { DistrictOptions } from "./plan.ts";
export {
  type GenerationProgress,
  type WriteDistrictOptions,
  writeGeneratedDistrict,
} from "./write-district.ts";
