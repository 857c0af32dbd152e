import { type SQL, sql } from "drizzle-orm";
import type { Relations } from "../read/index.ts";
import { academicSessionReadModel as sessions } from "./academic-sessions.ts";
import { classReadModel as classes } from "./classes.ts";
import { courseReadModel as courses } from "./courses.ts";
import { enrollmentReadModel as enrollments } from "./enrollments.ts";
import { hasRole, USER_KEY } from "./user-roles.ts";

/** Users with an active enrollment in the class, in that role. */
const enrolledIn = (classSourcedId: string, role: "student" | "teacher"): SQL =>
  sql`exists (select 1 from enrollments e
    where e.tenant_id = ${USER_KEY.tenant} and e.user_sourced_id = ${USER_KEY.key}
      and e.class_sourced_id = ${classSourcedId} and e.role = ${role} and e.status = 'active')`;

/** Classes in which the user has an active enrollment. */
const classesOf = (userSourcedId: string): SQL =>
  sql`exists (select 1 from enrollments e
    where e.tenant_id = ${classes.column("tenant_id")}
      and e.class_sourced_id = ${classes.column("sourced_id")}
      and e.user_sourced_id = ${userSourcedId} and e.status = 'active')`;

/**
 * What each step of a nested Rostering path means, keyed `parent/child` by path segments:
 * the condition on the child's rows for a given parent sourcedId. The same condition both
 * lists the children and checks that a middle parent belongs to the outer one
 * (`/schools/{s}/classes/{c}/…` needs class c to be at school s).
 */
export const ROSTERING_RELATIONS: Relations = {
  "schools/classes": (id) => sql`${classes.column("school_sourced_id")} = ${id}`,
  "schools/courses": (id) => sql`${courses.column("org_sourced_id")} = ${id}`,
  "schools/enrollments": (id) => sql`${enrollments.column("school_sourced_id")} = ${id}`,
  "schools/students": (id) => hasRole("student", id),
  "schools/teachers": (id) => hasRole("teacher", id),
  // The school's own calendar, and the sessions its classes are taught in.
  "schools/terms": (id) =>
    sql`${sessions.column("org_sourced_id")} = ${id} or exists (select 1 from class_terms ct
      join classes k on k.tenant_id = ct.tenant_id and k.sourced_id = ct.class_sourced_id
      where ct.tenant_id = ${sessions.column("tenant_id")}
        and ct.term_sourced_id = ${sessions.column("sourced_id")}
        and k.school_sourced_id = ${id})`,
  "classes/students": (id) => enrolledIn(id, "student"),
  "classes/teachers": (id) => enrolledIn(id, "teacher"),
  "classes/enrollments": (id) => sql`${enrollments.column("class_sourced_id")} = ${id}`,
  "courses/classes": (id) => sql`${classes.column("course_sourced_id")} = ${id}`,
  "students/classes": classesOf,
  "teachers/classes": classesOf,
  "users/classes": classesOf,
  "terms/classes": (id) =>
    sql`exists (select 1 from class_terms ct
      where ct.tenant_id = ${classes.column("tenant_id")}
        and ct.class_sourced_id = ${classes.column("sourced_id")} and ct.term_sourced_id = ${id})`,
  "terms/gradingPeriods": (id) => sql`${sessions.column("parent_sourced_id")} = ${id}`,
};
