/**
 * The OneRoster 1.2 vocabularies, shared by the REST wire schemas, the CSV binding and the
 * database checks, so the three can never disagree. Extensible ones also accept `ext:` tokens.
 */

export const STATUS_VALUES = ["active", "tobedeleted"] as const;
export const ORG_TYPES = [
  "department",
  "district",
  "local",
  "national",
  "school",
  "state",
] as const;
export const SESSION_TYPES = ["gradingPeriod", "semester", "schoolYear", "term"] as const;
export const CLASS_TYPES = ["homeroom", "scheduled"] as const;
/** `roleType` of a user's role: not extensible. */
export const ROLE_TYPES = ["primary", "secondary"] as const;
export const USER_ROLES = [
  "aide",
  "counselor",
  "districtAdministrator",
  "guardian",
  "parent",
  "principal",
  "proctor",
  "relative",
  "siteAdministrator",
  "student",
  "systemAdministrator",
  "teacher",
] as const;
export const ENROLLMENT_ROLES = ["administrator", "proctor", "student", "teacher"] as const;
export const SEX_VALUES = ["male", "female", "unspecified", "other"] as const;
export const SCORE_STATUSES = [
  "exempt",
  "fully graded",
  "not submitted",
  "partially graded",
  "submitted",
] as const;
/** The user roles of OneRoster 1.1, which 1.2 keeps as the roles a resource is meant for. */
export const LEGACY_USER_ROLES = [
  "administrator",
  "aide",
  "guardian",
  "parent",
  "proctor",
  "relative",
  "student",
  "teacher",
] as const;
export const RESOURCE_ROLES = LEGACY_USER_ROLES;
/** Resource `importance`: not extensible. */
export const RESOURCE_IMPORTANCE = ["primary", "secondary"] as const;

/** The three OneRoster 1.2 REST services. */
export const ONEROSTER_SERVICES = ["rostering", "gradebook", "resources"] as const;
export type ServiceName = (typeof ONEROSTER_SERVICES)[number];
