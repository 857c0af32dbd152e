/**
 * Every value served where a required Ed-Fi field has no data in our tables, with the reason.
 * The mapping notes each use (`note(id)`), so the bulk export can count them and the mapping
 * document can list them.
 */
export const MAPPING_DEFAULTS = {
  studentBirthDate: {
    resource: "students",
    field: "birthDate",
    value: "1900-01-01",
    reason: "Required by Ed-Fi; OneRoster demographics may omit the birth date.",
  },
  entryDate: {
    resource: "studentSchoolAssociations",
    field: "entryDate",
    value: "the start date of the school year the role belongs to (the latest one)",
    reason: "The role's beginDate is optional in OneRoster; Ed-Fi needs it as part of the key.",
  },
  entryGradeLevel: {
    resource: "studentSchoolAssociations",
    field: "entryGradeLevelDescriptor",
    value: "No grade level",
    reason: "The student has no OneRoster grade that maps to a GradeLevelDescriptor.",
  },
  schoolGradeLevels: {
    resource: "schools",
    field: "gradeLevels",
    value: "[No grade level]",
    reason: "No class at the school names a grade.",
  },
  leaCategory: {
    resource: "localEducationAgencies",
    field: "localEducationAgencyCategoryDescriptor",
    value: "Independent",
    reason: "OneRoster has no category of district.",
  },
  assignmentBeginDate: {
    resource: "staffEducationOrganizationAssignmentAssociations",
    field: "beginDate",
    value: "the start date of the latest school year",
    reason: "The role's beginDate is optional in OneRoster; Ed-Fi needs it as part of the key.",
  },
  programAssignment: {
    resource: "staffSchoolAssociations",
    field: "programAssignmentDescriptor",
    value: "Regular Education",
    reason: "OneRoster does not say which program a staff member is assigned to.",
  },
  sectionBeginDate: {
    resource: "studentSectionAssociations, staffSectionAssociations",
    field: "beginDate",
    value: "the start date of the class's first term",
    reason:
      "The enrollment's beginDate is optional in OneRoster; Ed-Fi needs it as part of the key.",
  },
  instructionalDays: {
    resource: "sessions, gradingPeriods",
    field: "totalInstructionalDays",
    value: "the weekdays (Monday to Friday) between beginDate and endDate",
    reason: "OneRoster sessions do not count instructional days.",
  },
  termDescriptor: {
    resource: "sessions",
    field: "termDescriptor",
    value: "Semester for semesters, Year Round for school years, Other for terms",
    reason: "OneRoster session types are coarser than Ed-Fi terms.",
  },
  gradingPeriodDescriptor: {
    resource: "gradingPeriods",
    field: "gradingPeriodDescriptor",
    value:
      "by position in the school year: Semester, Trimester, Nine Weeks or Six Weeks; else End of Year",
    reason: "OneRoster grading periods have a title but no kind.",
  },
  courseNumberOfParts: {
    resource: "courses",
    field: "numberOfParts",
    value: "1",
    reason: "OneRoster courses do not say how many parts they have.",
  },
  courseCode: {
    resource: "courses, courseOfferings",
    field: "courseCode / localCourseCode",
    value: "the course's sourcedId",
    reason: "The OneRoster courseCode is optional.",
  },
  courseEducationOrganization: {
    resource: "courses",
    field: "educationOrganizationReference",
    value: "the district (top-level local education agency)",
    reason: "A OneRoster course's org is optional.",
  },
  classroomPosition: {
    resource: "staffSectionAssociations",
    field: "classroomPositionDescriptor",
    value: "Teacher of Record for primary teachers, else Support Teacher",
    reason: "OneRoster enrollments only say whether a teacher is primary.",
  },
} as const;

export type DefaultId = keyof typeof MAPPING_DEFAULTS;

/** Told each time a document is served with a default; the bulk export counts them. */
export type NoteDefault = (id: DefaultId) => void;

/** The value, or the default (noted) when there is none. */
export function orDefault<T>(
  value: T | null | undefined,
  id: DefaultId,
  fallback: T,
  note: NoteDefault,
): T {
  if (value !== null && value !== undefined) return value;
  note(id);
  return fallback;
}
