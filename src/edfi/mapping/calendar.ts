import { type SQL, sql } from "drizzle-orm";
import {
  calendarDates as calendarDateRows,
  calendars as calendarRows,
} from "../../db/schema/index.ts";
import { academicSessionEntity, orgEntity } from "../../entities/index.ts";
import { descriptorUri } from "../descriptors/descriptor-sets.ts";
import { type EdfiResource, inRef, top } from "../resource.ts";
import { codeOr, gradingPeriod, term } from "./codes.ts";
import { type NoteDefault, orDefault } from "./defaults.ts";
import { type Aliased, derivedId, edfiOrgId, joins, lifecycle, num, on, weekdays } from "./sql.ts";

const s = on(academicSessionEntity.table, "s");
const o = on(orgEntity.table, "o");

/**
 * OneRoster sessions of the given types at each school they apply to: the school that keeps
 * them, or every school when they are district-wide (Ed-Fi sessions belong to a school).
 */
const sessionsAtSchools = (tenant: SQL, types: readonly string[], extra: SQL) => sql`
  select ${lifecycle(s, [o], sql`array[${o("sourcedId")}]`, derivedId(sql`${s("tenantId")}::text`, s("sourcedId"), o("sourcedId")))},
    ${edfiOrgId(o)} as "schoolId", ${s("schoolYear")}::int as "schoolYear", ${s("title")} as title,
    ${s("type")} as type, ${s("startDate")}::text as "beginDate", ${s("endDate")}::text as "endDate",
    ${weekdays(s("startDate"), s("endDate"))} as "totalInstructionalDays" ${extra}
  from ${s.from} join ${o.from} on ${o("tenantId")} = ${s("tenantId")} and ${o("type")} = 'school'
    and (${s("orgSourcedId")} is null or ${s("orgSourcedId")} = ${o("sourcedId")})
  where ${s("tenantId")} = ${tenant} and ${s("type")} in (${sql.join(
    types.map((type) => sql`${type}`),
    sql`, `,
  )})`;

const SESSION_TYPES = ["schoolYear", "semester", "term"];

/** The school and school year references a school's calendar entity carries. */
const schoolAndYear = (row: Record<string, unknown>) => ({
  schoolReference: { schoolId: num(row.schoolId) },
  schoolYearTypeReference: { schoolYear: num(row.schoolYear) },
});

const dates = (row: Record<string, unknown>, note: NoteDefault) => {
  note("instructionalDays");
  return {
    beginDate: row.beginDate,
    endDate: row.endDate,
    totalInstructionalDays: num(row.totalInstructionalDays),
  };
};

export const sessions: EdfiResource = {
  endpoint: "sessions",
  schema: "edFi_session",
  key: [
    inRef("schoolReference", "schoolId"),
    inRef("schoolYearTypeReference", "schoolYear"),
    top("sessionName"),
  ],
  studentData: false,
  params: {
    schoolId: "integer",
    schoolYear: "integer",
    sessionName: "string",
    beginDate: "date",
    endDate: "date",
  },
  source: (tenant) =>
    sessionsAtSchools(tenant, SESSION_TYPES, sql`, ${s("title")} as "sessionName"`),
  toBody: (row, note) => ({
    ...schoolAndYear(row),
    sessionName: row.sessionName,
    termDescriptor: orDefault(
      term(row.type as string),
      "termDescriptor",
      descriptorUri("TermDescriptor", "Other"),
      note,
    ),
    ...dates(row, note),
  }),
};

const g = on(academicSessionEntity.table, "g");
const periodsOfYear = (period: Aliased, condition: SQL) => sql`(select count(*)::int from ${g.from}
  where ${g("tenantId")} = ${period("tenantId")} and ${g("type")} = 'gradingPeriod' and ${g("status")} = 'active'
    and ${g("schoolYear")} = ${period("schoolYear")} ${condition})`;

/**
 * The position of grading period `period` among its school year's and how many there are
 * (columns `position` and `periods`), which choose its GradingPeriodDescriptor.
 */
export const periodPosition = (period: Aliased) =>
  sql`${periodsOfYear(period, sql`and ${g("startDate")} <= ${period("startDate")}`)} as position,
    ${periodsOfYear(period, sql``)} as periods`;

export const gradingPeriods: EdfiResource = {
  endpoint: "gradingPeriods",
  schema: "edFi_gradingPeriod",
  key: [
    top("gradingPeriodDescriptor"),
    top("gradingPeriodName"),
    inRef("schoolReference", "schoolId"),
    inRef("schoolYearTypeReference", "schoolYear"),
  ],
  studentData: false,
  params: {
    schoolId: "integer",
    schoolYear: "integer",
    gradingPeriodName: "string",
    beginDate: "date",
    endDate: "date",
  },
  source: (tenant) =>
    sessionsAtSchools(
      tenant,
      ["gradingPeriod"],
      sql`, ${s("title")} as "gradingPeriodName", ${periodPosition(s)}`,
    ),
  toBody: (row, note) => {
    note("gradingPeriodDescriptor");
    return {
      ...schoolAndYear(row),
      gradingPeriodDescriptor: gradingPeriod(num(row.position), num(row.periods)),
      gradingPeriodName: row.gradingPeriodName,
      ...dates(row, note),
    };
  },
};

const k = on(calendarRows, "k");
const schoolOfCalendar = (calendar: Aliased) =>
  sql`join ${o.from} on ${joins(o, calendar, "schoolSourcedId")}`;

export const calendars: EdfiResource = {
  endpoint: "calendars",
  schema: "edFi_calendar",
  key: [
    top("calendarCode"),
    inRef("schoolReference", "schoolId"),
    inRef("schoolYearTypeReference", "schoolYear"),
  ],
  studentData: false,
  params: { calendarCode: "string", schoolId: "integer", schoolYear: "integer" },
  source: (tenant) => sql`
    select ${lifecycle(k, [o], sql`array[${k("schoolSourcedId")}]`)},
      ${k("calendarCode")} as "calendarCode", ${edfiOrgId(o)} as "schoolId",
      ${k("schoolYear")} as "schoolYear", ${k("calendarType")} as type
    from ${k.from} ${schoolOfCalendar(k)} where ${k("tenantId")} = ${tenant}`,
  toBody: (row) => ({
    calendarCode: row.calendarCode,
    ...schoolAndYear(row),
    calendarTypeDescriptor: codeOr("CalendarTypeDescriptor", row.type as string, "School"),
  }),
};

const cd = on(calendarDateRows, "cd");

export const calendarDates: EdfiResource = {
  endpoint: "calendarDates",
  schema: "edFi_calendarDate",
  key: [
    inRef("calendarReference", "calendarCode"),
    top("date"),
    inRef("calendarReference", "schoolId"),
    inRef("calendarReference", "schoolYear"),
  ],
  studentData: false,
  params: { calendarCode: "string", schoolId: "integer", schoolYear: "integer", date: "date" },
  source: (tenant) => sql`
    select ${lifecycle(cd, [k, o], sql`array[${k("schoolSourcedId")}]`)},
      ${k("calendarCode")} as "calendarCode", ${edfiOrgId(o)} as "schoolId",
      ${k("schoolYear")} as "schoolYear", ${cd("date")}::text as date, ${cd("events")} as events
    from ${cd.from} join ${k.from} on ${joins(k, cd, "calendarSourcedId")} ${schoolOfCalendar(k)}
    where ${cd("tenantId")} = ${tenant}`,
  toBody: (row) => ({
    calendarReference: {
      calendarCode: row.calendarCode,
      schoolId: num(row.schoolId),
      schoolYear: num(row.schoolYear),
    },
    date: row.date,
    calendarEvents: (row.events as string[]).map((event) => ({
      calendarEventDescriptor: codeOr("CalendarEventDescriptor", event, "Other"),
    })),
  }),
};
