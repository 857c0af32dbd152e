import type { EntityTarget, OneRosterOperation } from "../routes/index.ts";

/** Entities whose every record is about a student (or may be: enrollments, results). */
const STUDENT_ENTITIES = new Set(["demographics", "enrollment", "result", "assessmentResult"]);

/** Users are student data unless the collection holds only teachers. */
const isStudentData = ({ entity, subset }: EntityTarget) =>
  STUDENT_ENTITIES.has(entity) || (entity === "user" && subset !== "teacher");

/**
 * Whether a successful answer to the operation discloses student data and so must be logged:
 * it serves students' records (users, demographics, enrollments, results), or serves records
 * chosen by a student (`/students/{id}/classes` is that student's timetable).
 *
 * @example
 * disclosesStudentData(getAllOrgs) // false
 * disclosesStudentData(getClassesForStudent) // true
 */
export function disclosesStudentData(operation: OneRosterOperation): boolean {
  return isStudentData(operation) || operation.parents.some(isStudentData);
}
