import type { FileName } from "../csv/index.ts";
import type { CsvRecord } from "../entities/csv-record.ts";
import { categories, lineItems, results, scoreScales } from "./gradebook-files.ts";
import { type DistrictOptions, planGeneration } from "./plan.ts";
import { classResources, courseResources, resources, userResources } from "./resource-files.ts";
import { academicSessions, classes, courses, enrollments, orgs } from "./rostering-files.ts";
import { demographics, roles, userProfiles, users } from "./user-files.ts";

/** Each file's records, produced afresh and lazily every time the function is called. */
export type DistrictFiles = Record<FileName, () => Iterable<CsvRecord>>;

/** The `metadata.*` extension columns the generated files carry (names without the prefix). */
export const GENERATED_METADATA_COLUMNS: Readonly<Partial<Record<FileName, readonly string[]>>> = {
  orgs: ["ncesId"],
  users: ["homeLanguage"],
};

/** The small district the `demo` command loads: about 300 students in 3 schools. */
export const DEMO_DISTRICT: DistrictOptions = { students: 300, seed: 2026 };

/**
 * A deterministic synthetic district as OneRoster records: the same options give the same records,
 * and every reference points at a record of the district, so it makes a valid bulk package. Rows
 * are derived from their index on demand, so a million students fit in a few megabytes of memory.
 *
 * @example
 * const files = generateDistrict({ students: 1_000, seed: 7 });
 * for (const record of files.users()) console.log(record.values.username);
 */
export function generateDistrict(options: DistrictOptions): DistrictFiles {
  const plan = planGeneration(options);
  const none = (): Iterable<CsvRecord> => [];
  return {
    academicSessions: () => academicSessions(plan),
    orgs: () => orgs(plan),
    courses: () => courses(plan),
    classes: () => classes(plan),
    users: () => users(plan),
    roles: () => roles(plan),
    enrollments: () => enrollments(plan),
    demographics: () => demographics(plan),
    userProfiles: () => userProfiles(plan),
    resources: () => resources(),
    classResources: () => classResources(plan),
    courseResources: () => courseResources(plan),
    userResources: () => userResources(plan),
    categories: () => categories(),
    lineItems: () => lineItems(plan),
    results: () => results(plan),
    scoreScales: () => scoreScales(plan),
    lineItemLearningObjectiveIds: none,
    lineItemScoreScales: none,
    resultLearningObjectiveIds: none,
    resultScoreScales: none,
  };
}
