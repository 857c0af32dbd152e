import { type SQL, sql } from "drizzle-orm";
import {
  classes as classTable,
  classTerms,
  enrollments as enrollmentTable,
} from "../../db/schema/index.ts";
import { aliasColumns } from "../../entities/index.ts";
import type { Relations } from "../read/index.ts";
import { academicSessionReadModel as sessions } from "./academic-sessions.ts";
import { classReadModel as classes } from "./classes.ts";
import { courseReadModel as courses } from "./courses.ts";
import { enrollmentReadModel as enrollments } from "./enrollments.ts";
import { hasRole, USER_KEY } from "./user-roles.ts";

const e = aliasColumns(enrollmentTable, "re");
const ct = aliasColumns(classTerms, "ct");
const k = aliasColumns(classTable, "ck");

/** Users with an active enrollment in the class, in that role. */
const enrolledIn = (classSourcedId: string, role: "student" | "teacher"): SQL =>
  sql`exists (select 1 from ${enrollmentTable} re
    where ${e("tenantId")} = ${USER_KEY.tenant} and ${e("userSourcedId")} = ${USER_KEY.key}
      and ${e("classSourcedId")} = ${classSourcedId} and ${e("role")} = ${role}
      and ${e("status")} = 'active')`;

/** Classes in which the user has an active enrollment. */
const classesOf = (userSourcedId: string): SQL =>
  sql`exists (select 1 from ${enrollmentTable} re
    where ${e("tenantId")} = ${classes.column("tenantId")}
      and ${e("classSourcedId")} = ${classes.column("sourcedId")}
      and ${e("userSourcedId")} = ${userSourcedId} and ${e("status")} = 'active')`;

/**
 * What each step of a nested Rostering path means, keyed `parent/child` by path segments:
 * the condition on the child's rows for a given parent sourcedId. The same condition both
 * lists the children and checks that a middle parent belongs to the outer one
 * (`/schools/{s}/classes/{c}/…` needs class c to be at school s).
 */
export const ROSTERING_RELATIONS: Relations = {
  "schools/classes": (id) => sql`${classes.column("schoolSourcedId")} = ${id}`,
  "schools/courses": (id) => sql`${courses.column("orgSourcedId")} = ${id}`,
  "schools/enrollments": (id) => sql`${enrollments.column("schoolSourcedId")} = ${id}`,
  "schools/students": (id) => hasRole("student", id),
  "schools/teachers": (id) => hasRole("teacher", id),
  // The school's own calendar, and the sessions its classes are taught in.
  "schools/terms": (id) =>
    sql`${sessions.column("orgSourcedId")} = ${id} or exists (select 1 from ${classTerms} ct
      join ${classTable} ck on ${k("tenantId")} = ${ct("tenantId")}
        and ${k("sourcedId")} = ${ct("classSourcedId")}
      where ${ct("tenantId")} = ${sessions.column("tenantId")}
        and ${ct("termSourcedId")} = ${sessions.column("sourcedId")}
        and ${k("schoolSourcedId")} = ${id})`,
  "classes/students": (id) => enrolledIn(id, "student"),
  "classes/teachers": (id) => enrolledIn(id, "teacher"),
  "classes/enrollments": (id) => sql`${enrollments.column("classSourcedId")} = ${id}`,
  "courses/classes": (id) => sql`${classes.column("courseSourcedId")} = ${id}`,
  "students/classes": classesOf,
  "teachers/classes": classesOf,
  "users/classes": classesOf,
  "terms/classes": (id) =>
    sql`exists (select 1 from ${classTerms} ct
      where ${ct("tenantId")} = ${classes.column("tenantId")}
        and ${ct("classSourcedId")} = ${classes.column("sourcedId")} and ${ct("termSourcedId")} = ${id})`,
  "terms/gradingPeriods": (id) => sql`${sessions.column("parentSourcedId")} = ${id}`,
};
