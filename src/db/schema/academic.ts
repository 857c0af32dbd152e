import { sql } from "drizzle-orm";
import { boolean, check, date, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { CLASS_TYPES, ENROLLMENT_ROLES, SESSION_TYPES } from "../../kernel/vocabulary.ts";
import { entityColumns, entityConstraints, extensibleEnum, refersTo } from "./columns.ts";
import { orgs } from "./organizations.ts";
import { users } from "./users.ts";

/** School years, semesters, terms and grading periods, as one tree. */
export const academicSessions = pgTable(
  "academic_sessions",
  {
    ...entityColumns(),
    title: text().notNull(),
    type: text().notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }).notNull(),
    parentSourcedId: text(),
    schoolYear: text().notNull(),
    /** The org that keeps this calendar, when the platform knows it (OneRoster does not say). */
    orgSourcedId: text(),
  },
  (t) => [
    ...entityConstraints("academic_sessions", t),
    ...refersTo("academic_sessions_parent", t.tenantId, t.parentSourcedId, t),
    ...refersTo("academic_sessions_org", t.tenantId, t.orgSourcedId, orgs),
    extensibleEnum("academic_sessions_type_check", t.type, SESSION_TYPES),
    check("academic_sessions_school_year_check", sql`${t.schoolYear} ~ '^[0-9]{4}$'`),
    check("academic_sessions_dates_check", sql`${t.endDate} >= ${t.startDate}`),
  ],
);

export const courses = pgTable(
  "courses",
  {
    ...entityColumns(),
    title: text().notNull(),
    schoolYearSourcedId: text(),
    courseCode: text(),
    grades: text().array(),
    subjects: text().array(),
    subjectCodes: text().array(),
    orgSourcedId: text(),
  },
  (t) => [
    ...entityConstraints("courses", t),
    ...refersTo("courses_school_year", t.tenantId, t.schoolYearSourcedId, academicSessions),
    ...refersTo("courses_org", t.tenantId, t.orgSourcedId, orgs),
  ],
);

export const classes = pgTable(
  "classes",
  {
    ...entityColumns(),
    title: text().notNull(),
    classCode: text(),
    classType: text(),
    location: text(),
    grades: text().array(),
    subjects: text().array(),
    subjectCodes: text().array(),
    periods: text().array(),
    /** The terms in source order; `class_terms` mirrors it (by trigger) for references. */
    termSourcedIds: text().array().notNull(),
    courseSourcedId: text().notNull(),
    schoolSourcedId: text().notNull(),
  },
  (t) => [
    ...entityConstraints("classes", t),
    ...refersTo("classes_course", t.tenantId, t.courseSourcedId, courses),
    ...refersTo("classes_school", t.tenantId, t.schoolSourcedId, orgs),
    extensibleEnum("classes_class_type_check", t.classType, CLASS_TYPES),
  ],
);

/** One row per term of a class, kept from `classes.term_sourced_ids` by trigger. */
export const classTerms = pgTable(
  "class_terms",
  {
    tenantId: uuid().notNull(),
    classSourcedId: text().notNull(),
    termSourcedId: text().notNull(),
  },
  (t) => [
    primaryKey({
      name: "class_terms_pkey",
      columns: [t.tenantId, t.classSourcedId, t.termSourcedId],
    }),
    ...refersTo("class_terms_class", t.tenantId, t.classSourcedId, classes),
    ...refersTo("class_terms_term", t.tenantId, t.termSourcedId, academicSessions),
  ],
);

export const enrollments = pgTable(
  "enrollments",
  {
    ...entityColumns(),
    userSourcedId: text().notNull(),
    classSourcedId: text().notNull(),
    schoolSourcedId: text().notNull(),
    role: text().notNull(),
    primary: boolean(),
    beginDate: date({ mode: "string" }),
    endDate: date({ mode: "string" }),
  },
  (t) => [
    ...entityConstraints("enrollments", t),
    ...refersTo("enrollments_user", t.tenantId, t.userSourcedId, users),
    ...refersTo("enrollments_class", t.tenantId, t.classSourcedId, classes),
    ...refersTo("enrollments_school", t.tenantId, t.schoolSourcedId, orgs),
    extensibleEnum("enrollments_role_check", t.role, ENROLLMENT_ROLES),
    check(
      "enrollments_dates_check",
      sql`${t.endDate} is null or ${t.beginDate} is null or ${t.endDate} >= ${t.beginDate}`,
    ),
  ],
);

export const resources = pgTable(
  "resources",
  {
    ...entityColumns(),
    vendorResourceId: text().notNull(),
    title: text(),
    roles: text().array(),
    importance: text({ enum: ["primary", "secondary"] }),
    vendorId: text(),
    applicationId: text(),
  },
  (t) => [
    ...entityConstraints("resources", t),
    check(
      "resources_importance_check",
      sql`${t.importance} is null or ${t.importance} in ('primary','secondary')`,
    ),
  ],
);

export const classResources = pgTable(
  "class_resources",
  {
    ...entityColumns(),
    title: text(),
    classSourcedId: text().notNull(),
    resourceSourcedId: text().notNull(),
  },
  (t) => [
    ...entityConstraints("class_resources", t),
    ...refersTo("class_resources_class", t.tenantId, t.classSourcedId, classes),
    ...refersTo("class_resources_resource", t.tenantId, t.resourceSourcedId, resources),
  ],
);

export const courseResources = pgTable(
  "course_resources",
  {
    ...entityColumns(),
    title: text(),
    courseSourcedId: text().notNull(),
    resourceSourcedId: text().notNull(),
  },
  (t) => [
    ...entityConstraints("course_resources", t),
    ...refersTo("course_resources_course", t.tenantId, t.courseSourcedId, courses),
    ...refersTo("course_resources_resource", t.tenantId, t.resourceSourcedId, resources),
  ],
);

export const userResources = pgTable(
  "user_resources",
  {
    ...entityColumns(),
    userSourcedId: text().notNull(),
    orgSourcedId: text(),
    classSourcedId: text(),
    resourceSourcedId: text().notNull(),
  },
  (t) => [
    ...entityConstraints("user_resources", t),
    ...refersTo("user_resources_user", t.tenantId, t.userSourcedId, users),
    ...refersTo("user_resources_org", t.tenantId, t.orgSourcedId, orgs),
    ...refersTo("user_resources_class", t.tenantId, t.classSourcedId, classes),
    ...refersTo("user_resources_resource", t.tenantId, t.resourceSourcedId, resources),
  ],
);
