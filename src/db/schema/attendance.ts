import { sql } from "drizzle-orm";
import { check, date, integer, type PgColumn, pgTable, text, time } from "drizzle-orm/pg-core";
import { academicSessions, classes } from "./academic.ts";
import { entityColumns, entityConstraints, refersTo } from "./columns.ts";
import { orgs } from "./organizations.ts";
import { users } from "./users.ts";

/** Ed-Fi attendance event categories (AttendanceEventCategoryDescriptor, DS 5.2 defaults). */
export const ATTENDANCE_CATEGORIES = [
  "In Attendance",
  "Excused Absence",
  "Unexcused Absence",
  "Tardy",
  "Early departure",
] as const;

const categoryCheck = (name: string, column: PgColumn) =>
  check(name, sql`${column} in (${sql.raw(ATTENDANCE_CATEGORIES.map((c) => `'${c}'`).join(","))})`);

/** A school's calendar for one school year (Ed-Fi Calendar). */
export const calendars = pgTable(
  "calendars",
  {
    ...entityColumns(),
    schoolSourcedId: text().notNull(),
    schoolYear: integer().notNull(),
    calendarCode: text().notNull(),
    calendarType: text().notNull().default("Student Specific"),
  },
  (t) => [
    ...entityConstraints("calendars", t),
    ...refersTo("calendars_school", t.tenantId, t.schoolSourcedId, orgs),
  ],
);

/** One day of a calendar and what kind of day it is (Ed-Fi CalendarDate). */
export const calendarDates = pgTable(
  "calendar_dates",
  {
    ...entityColumns(),
    calendarSourcedId: text().notNull(),
    date: date({ mode: "string" }).notNull(),
    events: text().array().notNull(),
  },
  (t) => [
    ...entityConstraints("calendar_dates", t),
    ...refersTo("calendar_dates_calendar", t.tenantId, t.calendarSourcedId, calendars),
    check("calendar_dates_events_check", sql`cardinality(${t.events}) > 0`),
  ],
);

/** Daily attendance at a school (Ed-Fi StudentSchoolAttendanceEvent). */
export const schoolAttendanceEvents = pgTable(
  "school_attendance_events",
  {
    ...entityColumns(),
    studentSourcedId: text().notNull(),
    schoolSourcedId: text().notNull(),
    sessionSourcedId: text().notNull(),
    eventDate: date({ mode: "string" }).notNull(),
    category: text().notNull(),
    reason: text(),
    arrivalTime: time(),
    departureTime: time(),
    durationMinutes: integer(),
  },
  (t) => [
    ...entityConstraints("school_attendance_events", t),
    ...refersTo("school_attendance_student", t.tenantId, t.studentSourcedId, users),
    ...refersTo("school_attendance_school", t.tenantId, t.schoolSourcedId, orgs),
    ...refersTo("school_attendance_session", t.tenantId, t.sessionSourcedId, academicSessions),
    categoryCheck("school_attendance_category_check", t.category),
  ],
);

/** Attendance in one class meeting (Ed-Fi StudentSectionAttendanceEvent). */
export const classAttendanceEvents = pgTable(
  "class_attendance_events",
  {
    ...entityColumns(),
    studentSourcedId: text().notNull(),
    classSourcedId: text().notNull(),
    eventDate: date({ mode: "string" }).notNull(),
    category: text().notNull(),
    reason: text(),
  },
  (t) => [
    ...entityConstraints("class_attendance_events", t),
    ...refersTo("class_attendance_student", t.tenantId, t.studentSourcedId, users),
    ...refersTo("class_attendance_class", t.tenantId, t.classSourcedId, classes),
    categoryCheck("class_attendance_category_check", t.category),
  ],
);
