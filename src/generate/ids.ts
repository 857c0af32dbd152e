// sourcedIds of the synthetic district. Each is built from the row's position alone, so it is
// stable across seeds and runs, and uses only `[0-9a-z-]`, inside the binding's GUID alphabet.

import type { Cohort } from "./layout.ts";
import { SLOTS } from "./vocabulary.ts";

const pad = (value: number, width: number): string => String(value).padStart(width, "0");
const slotCode = (slot: number): string => SLOTS[slot]?.code ?? String(slot);
const cohortKey = (cohort: Cohort): string =>
  `${pad(cohort.school.index + 1, 4)}-${cohort.grade.toLowerCase()}`;

export const DISTRICT_ID = "org-district";

/** @example schoolId(0); // "sch-0001" */
export const schoolId = (school: number): string => `sch-${pad(school + 1, 4)}`;

/** @example studentId(122); // "stu-0000123" */
export const studentId = (student: number): string => `stu-${pad(student + 1, 7)}`;

/** @example teacherId(4); // "tch-000005" */
export const teacherId = (teacher: number): string => `tch-${pad(teacher + 1, 6)}`;

/** Guardian `which` (1 or 2) of a student. @example guardianId(0, 2); // "grd-0000001-2" */
export const guardianId = (student: number, which: number): string =>
  `grd-${pad(student + 1, 7)}-${which}`;

/** @example roleId("stu-0000001"); // "rol-stu-0000001" */
export const roleId = (userId: string): string => `rol-${userId}`;

/** @example profileId("tch-000001"); // "prf-tch-000001" */
export const profileId = (userId: string): string => `prf-${userId}`;

export const schoolYearId = (year: number): string => `as-${year}`;
/** @example semesterId(2026, 1); // "as-2026-s1" */
export const semesterId = (year: number, semester: number): string => `as-${year}-s${semester}`;
/** @example gradingPeriodId(2026, 3); // "as-2026-gp3" */
export const gradingPeriodId = (year: number, period: number): string => `as-${year}-gp${period}`;

/** @example courseId(cohort, 0); // "crs-0001-kg-math" */
export const courseId = (cohort: Cohort, slot: number): string =>
  `crs-${cohortKey(cohort)}-${slotCode(slot)}`;

/** @example classId(cohort, 0, 1); // "cls-0001-kg-math-02" */
export const classId = (cohort: Cohort, slot: number, section: number): string =>
  `cls-${cohortKey(cohort)}-${slotCode(slot)}-${pad(section + 1, 2)}`;

/** @example studentEnrollmentId(0, 6); // "enr-stu-0000001-hr" */
export const studentEnrollmentId = (student: number, slot: number): string =>
  `enr-${studentId(student)}-${slotCode(slot)}`;

/** @example teacherEnrollmentId("cls-0001-kg-math-02"); // "enr-cls-0001-kg-math-02" */
export const teacherEnrollmentId = (classSourcedId: string): string => `enr-${classSourcedId}`;

/** Line item `item` (0-based) of a class. @example lineItemId("cls-0001-kg-math-02", 0); // "li-cls-0001-kg-math-02-1" */
export const lineItemId = (classSourcedId: string, item: number): string =>
  `li-${classSourcedId}-${item + 1}`;

/** @example resultId(0, 0, 1); // "rs-0000001-math-2" */
export const resultId = (student: number, slot: number, item: number): string =>
  `rs-${pad(student + 1, 7)}-${slotCode(slot)}-${item + 1}`;

export const categoryId = (code: string): string => `cat-${code}`;
export const scoreScaleId = (school: number): string => `ss-${pad(school + 1, 4)}`;
export const resourceId = (code: string): string => `rsc-${code}`;
export const classResourceId = (classSourcedId: string): string => `clr-${classSourcedId}`;
export const courseResourceId = (courseSourcedId: string): string => `cor-${courseSourcedId}`;
export const userResourceId = (userId: string): string => `urs-${userId}`;
