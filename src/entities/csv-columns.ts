import { STATUS_VALUES } from "../kernel/vocabulary.ts";

/** How a OneRoster CSV cell is written and read (the binding's primitive formats). */
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

/** The 21 files of a OneRoster 1.2 CSV package, in the binding's manifest order. */
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

/** `sourcedId`, `status`, `dateLastModified`: required per mode, see the lifecycle rules. */
export const LIFECYCLE_COLUMNS: readonly ColumnSpec[] = [
  { name: "sourcedId", required: true, format: { kind: "guid" } },
  {
    name: "status",
    required: false,
    format: { kind: "enum", values: STATUS_VALUES, extensible: false },
  },
  { name: "dateLastModified", required: false, format: { kind: "datetime" } },
];
