/**
 * The OneRoster 1.2.1 CSV binding: every file, its columns in order, and each column's format.
 * Source: ../shared/reference/oneroster-1.2.md §5.6 (column order and requiredness as the
 * validators that pass the official conformance set apply them).
 */

import {
  CLASS_TYPES,
  ENROLLMENT_ROLES,
  ORG_TYPES,
  RESOURCE_IMPORTANCE,
  ROLE_TYPES,
  SCORE_STATUSES,
  SESSION_TYPES,
  SEX_VALUES,
  STATUS_VALUES,
  USER_ROLES,
} from "../oneroster/vocabulary.ts";

export type ColumnFormat =
  | { kind: "guid" }
  | { kind: "guidList" }
  | { kind: "string" }
  | { kind: "list" }
  | { kind: "date" }
  | { kind: "datetime" }
  | { kind: "year" }
  | { kind: "float" }
  | { kind: "boolean" }
  | { kind: "enum"; values: readonly string[]; extensible: boolean }
  | { kind: "userIds" }
  | { kind: "scoreScaleValue" }
  | { kind: "learningObjectiveSource" };

export interface ColumnSpec {
  name: string;
  required: boolean;
  format: ColumnFormat;
}

export type FileGroup = "rostering" | "resources" | "gradebook";

export interface FileSpec {
  /** Entity name as used in the manifest: `file.<name>` and `<name>.csv`. */
  name: FileName;
  group: FileGroup;
  /** Every column in the order the binding fixes, the three lifecycle columns first. */
  columns: readonly ColumnSpec[];
}

export const FILE_NAMES = [
  "academicSessions",
  "orgs",
  "courses",
  "classes",
  "users",
  "roles",
  "enrollments",
  "demographics",
  "userProfiles",
  "resources",
  "classResources",
  "courseResources",
  "userResources",
  "categories",
  "lineItems",
  "results",
  "scoreScales",
  "lineItemLearningObjectiveIds",
  "lineItemScoreScales",
  "resultLearningObjectiveIds",
  "resultScoreScales",
] as const;

export type FileName = (typeof FILE_NAMES)[number];

const guid = { kind: "guid" } as const;
const guidList = { kind: "guidList" } as const;
const text = { kind: "string" } as const;
const list = { kind: "list" } as const;
const date = { kind: "date" } as const;
const year = { kind: "year" } as const;
const float = { kind: "float" } as const;
const boolean = { kind: "boolean" } as const;
const enumOf = (values: readonly string[], extensible = true): ColumnFormat => ({
  kind: "enum",
  values,
  extensible,
});

const R = (name: string, format: ColumnFormat): ColumnSpec => ({ name, required: true, format });
const O = (name: string, format: ColumnFormat): ColumnSpec => ({ name, required: false, format });

/** `sourcedId`, `status`, `dateLastModified`: required per mode, see the lifecycle rules. */
const LIFECYCLE: readonly ColumnSpec[] = [
  R("sourcedId", guid),
  O("status", enumOf(STATUS_VALUES, false)),
  O("dateLastModified", { kind: "datetime" }),
];

const file = (name: FileName, group: FileGroup, columns: ColumnSpec[]): FileSpec => ({
  name,
  group,
  columns: [...LIFECYCLE, ...columns],
});

const RACE_FLAGS = [
  "americanIndianOrAlaskaNative",
  "asian",
  "blackOrAfricanAmerican",
  "nativeHawaiianOrOtherPacificIslander",
  "white",
  "demographicRaceTwoOrMoreRaces",
  "hispanicOrLatinoEthnicity",
] as const;

export const FILES: readonly FileSpec[] = [
  file("academicSessions", "rostering", [
    R("title", text),
    R("type", enumOf(SESSION_TYPES)),
    R("startDate", date),
    R("endDate", date),
    O("parentSourcedId", guid),
    R("schoolYear", year),
  ]),
  file("orgs", "rostering", [
    R("name", text),
    R("type", enumOf(ORG_TYPES)),
    O("identifier", text),
    O("parentSourcedId", guid),
  ]),
  file("courses", "rostering", [
    O("schoolYearSourcedId", guid),
    R("title", text),
    O("courseCode", text),
    O("grades", list),
    R("orgSourcedId", guid),
    O("subjects", list),
    O("subjectCodes", list),
  ]),
  file("classes", "rostering", [
    R("title", text),
    O("grades", list),
    R("courseSourcedId", guid),
    O("classCode", text),
    R("classType", enumOf(CLASS_TYPES)),
    O("location", text),
    R("schoolSourcedId", guid),
    R("termSourcedIds", guidList),
    O("subjects", list),
    O("subjectCodes", list),
    O("periods", list),
  ]),
  file("users", "rostering", [
    R("enabledUser", boolean),
    R("username", text),
    O("userIds", { kind: "userIds" }),
    R("givenName", text),
    R("familyName", text),
    O("middleName", text),
    O("identifier", text),
    O("email", text),
    O("sms", text),
    O("phone", text),
    O("agentSourcedIds", guidList),
    O("grades", list),
    O("password", text),
    O("userMasterIdentifier", text),
    O("preferredGivenName", text),
    O("preferredMiddleName", text),
    O("preferredFamilyName", text),
    O("primaryOrgSourcedId", guid),
    O("pronouns", text),
  ]),
  file("roles", "rostering", [
    R("userSourcedId", guid),
    R("roleType", enumOf(ROLE_TYPES, false)),
    R("role", enumOf(USER_ROLES)),
    O("beginDate", date),
    O("endDate", date),
    R("orgSourcedId", guid),
    O("userProfileSourcedId", guid),
  ]),
  file("enrollments", "rostering", [
    R("classSourcedId", guid),
    R("schoolSourcedId", guid),
    R("userSourcedId", guid),
    R("role", enumOf(ENROLLMENT_ROLES)),
    O("primary", boolean),
    O("beginDate", date),
    O("endDate", date),
  ]),
  file("demographics", "rostering", [
    O("birthDate", date),
    O("sex", enumOf(SEX_VALUES)),
    ...RACE_FLAGS.map((flag) => O(flag, boolean)),
    O("countryOfBirthCode", text),
    O("stateOfBirthAbbreviation", text),
    O("cityOfBirth", text),
    O("publicSchoolResidenceStatus", text),
  ]),
  file("userProfiles", "rostering", [
    R("userSourcedId", guid),
    R("profileType", text),
    R("vendorId", text),
    O("applicationId", text),
    O("description", text),
    R("credentialType", text),
    R("username", text),
    O("password", text),
  ]),
  file("resources", "resources", [
    R("vendorResourceId", text),
    O("title", text),
    O("roles", list),
    O("importance", enumOf(RESOURCE_IMPORTANCE, false)),
    O("vendorId", text),
    O("applicationId", text),
  ]),
  file("classResources", "resources", [
    O("title", text),
    R("classSourcedId", guid),
    R("resourceSourcedId", guid),
  ]),
  file("courseResources", "resources", [
    O("title", text),
    R("courseSourcedId", guid),
    R("resourceSourcedId", guid),
  ]),
  file("userResources", "resources", [
    R("userSourcedId", guid),
    O("orgSourcedId", guid),
    O("classSourcedId", guid),
    R("resourceSourcedId", guid),
  ]),
  file("categories", "gradebook", [R("title", text), O("weight", float)]),
  file("lineItems", "gradebook", [
    R("title", text),
    O("description", text),
    R("assignDate", date),
    R("dueDate", date),
    R("classSourcedId", guid),
    R("categorySourcedId", guid),
    R("academicSessionSourcedId", guid),
    O("resultValueMin", float),
    O("resultValueMax", float),
    R("schoolSourcedId", guid),
  ]),
  file("results", "gradebook", [
    R("lineItemSourcedId", guid),
    R("studentSourcedId", guid),
    R("scoreStatus", enumOf(SCORE_STATUSES)),
    O("score", float),
    R("scoreDate", date),
    O("comment", text),
    O("textScore", text),
    O("classSourcedId", guid),
    O("inProgress", boolean),
    O("incomplete", boolean),
    O("late", boolean),
    O("missing", boolean),
  ]),
  file("scoreScales", "gradebook", [
    R("title", text),
    R("type", text),
    R("orgSourcedId", guid),
    R("courseSourcedId", guid),
    R("classSourcedId", guid),
    R("scoreScaleValue", { kind: "scoreScaleValue" }),
  ]),
  file("lineItemLearningObjectiveIds", "gradebook", [
    R("lineItemSourcedId", guid),
    R("source", { kind: "learningObjectiveSource" }),
    R("learningObjectiveId", text),
  ]),
  file("lineItemScoreScales", "gradebook", [
    O("title", text),
    R("lineItemSourcedId", guid),
    R("scoreScaleSourcedId", guid),
  ]),
  file("resultLearningObjectiveIds", "gradebook", [
    R("resultSourcedId", guid),
    R("source", { kind: "learningObjectiveSource" }),
    R("learningObjectiveId", text),
    O("score", float),
    O("textScore", text),
  ]),
  file("resultScoreScales", "gradebook", [
    O("title", text),
    R("resultSourcedId", guid),
    R("scoreScaleSourcedId", guid),
  ]),
];

export const FILE_BY_NAME: ReadonlyMap<FileName, FileSpec> = new Map(FILES.map((f) => [f.name, f]));

/** Load order: every file after the files its references point into. */
export const LOAD_ORDER: readonly FileName[] = [
  "orgs",
  "academicSessions",
  "courses",
  "classes",
  "resources",
  "users",
  "userProfiles",
  "roles",
  "demographics",
  "enrollments",
  "classResources",
  "courseResources",
  "userResources",
  "categories",
  "scoreScales",
  "lineItems",
  "lineItemScoreScales",
  "lineItemLearningObjectiveIds",
  "results",
  "resultScoreScales",
  "resultLearningObjectiveIds",
];
