import { sql } from "drizzle-orm";
import { classAttendanceEvents, schoolAttendanceEvents } from "../../db/schema/index.ts";
import { academicSessionEntity, orgEntity } from "../../entities/index.ts";
import { type DescriptorName, descriptorUri } from "../descriptors/descriptor-sets.ts";
import { type EdfiResource, inRef, top } from "../resource.ts";
import {
  k,
  SECTION_JOINS,
  SECTION_KEY,
  SECTION_KEY_FIELDS,
  SECTION_ROWS,
  sectionReference,
} from "./sections.ts";
import { edfiOrgId, joins, lifecycle, num, on } from "./sql.ts";

const a = on(schoolAttendanceEvents, "a");
const ca = on(classAttendanceEvents, "ca");
const o = on(orgEntity.table, "o");
const s = on(academicSessionEntity.table, "s");

const CATEGORY: DescriptorName = "AttendanceEventCategoryDescriptor";

/** The stored category is an Ed-Fi code value already (the tables check it). */
const event = (row: Record<string, unknown>) => ({
  eventDate: row.eventDate,
  attendanceEventCategoryDescriptor: descriptorUri(CATEGORY, row.category as string),
  ...(row.reason === null ? {} : { attendanceEventReason: row.reason }),
});

export const studentSchoolAttendanceEvents: EdfiResource = {
  endpoint: "studentSchoolAttendanceEvents",
  schema: "edFi_studentSchoolAttendanceEvent",
  key: [
    top("attendanceEventCategoryDescriptor"),
    top("eventDate"),
    inRef("schoolReference", "schoolId"),
    inRef("sessionReference", "schoolYear"),
    inRef("sessionReference", "sessionName"),
    inRef("studentReference", "studentUniqueId"),
  ],
  studentData: true,
  params: {
    studentUniqueId: "string",
    schoolId: "integer",
    schoolYear: "integer",
    sessionName: "string",
    eventDate: "date",
  },
  source: (tenant) => sql`
    select ${lifecycle(a, [o, s], sql`array[${a("schoolSourcedId")}]`)},
      ${a("studentSourcedId")} as "studentUniqueId", ${edfiOrgId(o)} as "schoolId",
      ${s("schoolYear")}::int as "schoolYear", ${s("title")} as "sessionName",
      ${a("eventDate")}::text as "eventDate", ${a("category")} as category, ${a("reason")} as reason,
      ${a("arrivalTime")}::text as "arrivalTime", ${a("departureTime")}::text as "departureTime",
      ${a("durationMinutes")} as minutes
    from ${a.from} join ${o.from} on ${joins(o, a, "schoolSourcedId")}
    join ${s.from} on ${joins(s, a, "sessionSourcedId")}
    where ${a("tenantId")} = ${tenant}`,
  toBody: (row) => ({
    studentReference: { studentUniqueId: row.studentUniqueId },
    schoolReference: { schoolId: num(row.schoolId) },
    sessionReference: {
      schoolId: num(row.schoolId),
      schoolYear: num(row.schoolYear),
      sessionName: row.sessionName,
    },
    ...event(row),
    ...(row.arrivalTime === null ? {} : { arrivalTime: row.arrivalTime }),
    ...(row.departureTime === null ? {} : { departureTime: row.departureTime }),
    ...(row.minutes === null ? {} : { schoolAttendanceDuration: num(row.minutes) }),
  }),
};

export const studentSectionAttendanceEvents: EdfiResource = {
  endpoint: "studentSectionAttendanceEvents",
  schema: "edFi_studentSectionAttendanceEvent",
  key: [
    top("attendanceEventCategoryDescriptor"),
    top("eventDate"),
    ...SECTION_KEY_FIELDS,
    inRef("studentReference", "studentUniqueId"),
  ],
  studentData: true,
  params: {
    studentUniqueId: "string",
    schoolId: "integer",
    sectionIdentifier: "string",
    localCourseCode: "string",
    schoolYear: "integer",
    sessionName: "string",
    eventDate: "date",
  },
  source: (tenant) => sql`
    select ${lifecycle(ca, SECTION_ROWS, sql`array[${k("schoolSourcedId")}]`)}, ${SECTION_KEY},
      ${ca("studentSourcedId")} as "studentUniqueId", ${ca("eventDate")}::text as "eventDate",
      ${ca("category")} as category, ${ca("reason")} as reason
    from ${ca.from} join ${k.from} on ${joins(k, ca, "classSourcedId")} ${SECTION_JOINS}
    where ${ca("tenantId")} = ${tenant}`,
  toBody: (row) => ({
    studentReference: { studentUniqueId: row.studentUniqueId },
    sectionReference: sectionReference(row),
    ...event(row),
  }),
};
