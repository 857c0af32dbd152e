import {
  staffEducationOrganizationAssignmentAssociations,
  staffSchoolAssociations,
  studentContactAssociations,
  studentEducationOrganizationAssociations,
  studentSchoolAssociations,
} from "./mapping/associations.ts";
import {
  studentSchoolAttendanceEvents,
  studentSectionAttendanceEvents,
} from "./mapping/attendance.ts";
import { calendarDates, calendars, gradingPeriods, sessions } from "./mapping/calendar.ts";
import { localEducationAgencies, schools } from "./mapping/ed-orgs.ts";
import { grades } from "./mapping/grades.ts";
import { contacts, staffs, students } from "./mapping/people.ts";
import {
  courseOfferings,
  courses,
  sections,
  staffSectionAssociations,
  studentSectionAssociations,
} from "./mapping/sections.ts";
import type { EdfiResource } from "./resource.ts";

/**
 * Every resource served, in Ed-Fi load order (the ODS/API `dependencies` metadata of DS 5.1,
 * `reference/edfi.md` §2.5): each after the resources its references point into.
 */
export const EDFI_RESOURCES: readonly EdfiResource[] = [
  students,
  staffs,
  contacts,
  localEducationAgencies,
  schools,
  calendars,
  gradingPeriods,
  calendarDates,
  sessions,
  courses,
  staffEducationOrganizationAssignmentAssociations,
  courseOfferings,
  staffSchoolAssociations,
  sections,
  staffSectionAssociations,
  studentSchoolAssociations,
  studentSectionAssociations,
  studentEducationOrganizationAssociations,
  studentContactAssociations,
  studentSchoolAttendanceEvents,
  studentSectionAttendanceEvents,
  grades,
];

/** The resource of an endpoint name, or undefined. */
export const resourceOf = (endpoint: string) =>
  EDFI_RESOURCES.find((resource) => resource.endpoint === endpoint);
