import { type SQL, sql } from "drizzle-orm";
import {
  academicSessionEntity,
  classEntity,
  courseEntity,
  enrollmentEntity,
  orgEntity,
} from "../../entities/index.ts";
import { descriptorUri } from "../descriptors/descriptor-sets.ts";
import { type EdfiResource, inRef, type KeyField, top } from "../resource.ts";
import { orDefault } from "./defaults.ts";
import { LEA_TYPES } from "./ed-orgs.ts";
import { type Aliased, derivedId, edfiOrgId, joins, lifecycle, num, on } from "./sql.ts";

export const k = on(classEntity.table, "k");
const co = on(courseEntity.table, "co");
export const t = on(academicSessionEntity.table, "t");
const o = on(orgEntity.table, "o");
const e = on(enrollmentEntity.table, "e");

/** A course's code, or its sourcedId when it has none (a documented default). */
const courseCode = sql`coalesce(${co("courseCode")}, ${co("sourcedId")})`;

/** The ed-org a course belongs to: its org, else the district (the top-level LEA). */
const courseEdOrg = (tenant: SQL) => {
  const c = on(orgEntity.table, "c");
  const top = on(orgEntity.table, "top");
  return sql`coalesce(
    (select ${edfiOrgId(c)} from ${c.from} where ${joins(c, co, "orgSourcedId")}),
    (select ${edfiOrgId(top)} from ${top.from} where ${top("tenantId")} = ${tenant}
      and ${top("parentSourcedId")} is null and ${top("type")} in (${sql.join(
        LEA_TYPES.map((type) => sql`${type}`),
        sql`, `,
      )}) order by ${top("sourcedId")} limit 1))`;
};

/**
 * The course, first term and school of class `k`: what a section's key is made of (a class
 * with several terms is offered in its first).
 */
export const SECTION_JOINS = sql`
  join ${co.from} on ${joins(co, k, "courseSourcedId")}
  join ${t.from} on ${t("tenantId")} = ${k("tenantId")} and ${t("sourcedId")} = ${k("termSourcedIds")}[1]
  join ${o.from} on ${joins(o, k, "schoolSourcedId")}`;

/** The rows a section's key is built from, beside the main row. */
export const SECTION_ROWS: readonly Aliased[] = [k, co, t, o];

/** Columns of a section's key (with `SECTION_JOINS`). */
export const SECTION_KEY = sql`${courseCode} as "localCourseCode", ${edfiOrgId(o)} as "schoolId",
  ${t("schoolYear")}::int as "schoolYear", ${t("title")} as "sessionName",
  ${k("sourcedId")} as "sectionIdentifier", ${t("startDate")}::text as term_start`;

export const sectionReference = (row: Record<string, unknown>) => ({
  localCourseCode: row.localCourseCode,
  schoolId: num(row.schoolId),
  schoolYear: num(row.schoolYear),
  sectionIdentifier: row.sectionIdentifier,
  sessionName: row.sessionName,
});

export const SECTION_KEY_FIELDS: readonly KeyField[] = [
  "localCourseCode",
  "schoolId",
  "schoolYear",
  "sectionIdentifier",
  "sessionName",
].map((name) => inRef("sectionReference", name));

const SECTION_PARAMS = {
  localCourseCode: "string",
  schoolId: "integer",
  schoolYear: "integer",
  sectionIdentifier: "string",
  sessionName: "string",
} as const;

export const courses: EdfiResource = {
  endpoint: "courses",
  schema: "edFi_course",
  key: [top("courseCode"), inRef("educationOrganizationReference", "educationOrganizationId")],
  studentData: false,
  params: { courseCode: "string", educationOrganizationId: "integer", courseTitle: "string" },
  source: (tenant) => sql`
    select ${lifecycle(co, [], sql`case when ${co("orgSourcedId")} is null then null else array[${co("orgSourcedId")}] end`)},
      ${courseCode} as "courseCode", ${co("courseCode")} is null as code_defaulted,
      ${co("orgSourcedId")} is null as org_defaulted,
      ${courseEdOrg(tenant)} as "educationOrganizationId", ${co("title")} as "courseTitle"
    from ${co.from} where ${co("tenantId")} = ${tenant}`,
  toBody: (row, note) => {
    if (row.code_defaulted) note("courseCode");
    if (row.org_defaulted) note("courseEducationOrganization");
    return {
      courseCode: row.courseCode,
      educationOrganizationReference: { educationOrganizationId: num(row.educationOrganizationId) },
      courseTitle: row.courseTitle,
      numberOfParts: orDefault(undefined, "courseNumberOfParts", 1, note),
      identificationCodes: [
        {
          courseIdentificationSystemDescriptor: descriptorUri(
            "CourseIdentificationSystemDescriptor",
            "LEA course code",
          ),
          identificationCode: row.courseCode,
        },
      ],
    };
  },
};

export const courseOfferings: EdfiResource = {
  endpoint: "courseOfferings",
  schema: "edFi_courseOffering",
  key: [
    top("localCourseCode"),
    ...["schoolId", "schoolYear", "sessionName"].map((name) => inRef("sessionReference", name)),
  ],
  studentData: false,
  params: {
    localCourseCode: "string",
    schoolId: "integer",
    schoolYear: "integer",
    sessionName: "string",
  },
  // One offering per course, school and term that has classes: active while any class is.
  source: (tenant) => sql`
    select ${derivedId(sql`${k("tenantId")}::text`, co("sourcedId"), o("sourcedId"), t("sourcedId"))} as id,
      greatest(max(${k("changeSeq")}), max(${co("changeSeq")}), max(${t("changeSeq")}), max(${o("changeSeq")})) as change_version,
      greatest(max(${k("dateLastModified")}), max(${co("dateLastModified")}), max(${t("dateLastModified")}), max(${o("dateLastModified")})) as last_modified,
      greatest(min(${k("status")}), max(${co("status")}), max(${t("status")}), max(${o("status")})) as status,
      array[${o("sourcedId")}] as scope_orgs,
      ${courseCode} as "localCourseCode", ${edfiOrgId(o)} as "schoolId", ${t("schoolYear")}::int as "schoolYear",
      ${t("title")} as "sessionName", ${co("title")} as "localCourseTitle",
      ${courseEdOrg(tenant)} as course_ed_org
    from ${k.from} ${SECTION_JOINS} where ${k("tenantId")} = ${tenant}
    group by ${k("tenantId")}, ${co("tenantId")}, ${co("sourcedId")}, ${co("courseCode")}, ${co("title")}, ${co("orgSourcedId")},
      ${o("sourcedId")}, ${o("edfiId")}, ${t("sourcedId")}, ${t("schoolYear")}, ${t("title")}`,
  toBody: (row) => ({
    localCourseCode: row.localCourseCode,
    courseReference: {
      courseCode: row.localCourseCode,
      educationOrganizationId: num(row.course_ed_org),
    },
    schoolReference: { schoolId: num(row.schoolId) },
    sessionReference: {
      schoolId: num(row.schoolId),
      schoolYear: num(row.schoolYear),
      sessionName: row.sessionName,
    },
    localCourseTitle: row.localCourseTitle,
  }),
};

export const sections: EdfiResource = {
  endpoint: "sections",
  schema: "edFi_section",
  key: [
    top("sectionIdentifier"),
    ...["localCourseCode", "schoolId", "schoolYear", "sessionName"].map((name) =>
      inRef("courseOfferingReference", name),
    ),
  ],
  studentData: false,
  params: { ...SECTION_PARAMS, sectionName: "string" },
  source: (tenant) => sql`
    select ${lifecycle(k, SECTION_ROWS.slice(1), sql`array[${k("schoolSourcedId")}]`)}, ${SECTION_KEY},
      ${k("title")} as "sectionName"
    from ${k.from} ${SECTION_JOINS} where ${k("tenantId")} = ${tenant}`,
  toBody: (row) => ({
    sectionIdentifier: row.sectionIdentifier,
    courseOfferingReference: {
      localCourseCode: row.localCourseCode,
      schoolId: num(row.schoolId),
      schoolYear: num(row.schoolYear),
      sessionName: row.sessionName,
    },
    sectionName: row.sectionName,
  }),
};

/** Enrollments in classes, with the section key and the begin date (the term's start when absent). */
const enrollmentsIn = (tenant: SQL, roles: SQL, person: string, extra: SQL = sql``) => sql`
  select ${lifecycle(e, SECTION_ROWS, sql`array[${e("schoolSourcedId")}]`)}, ${SECTION_KEY},
    ${e("userSourcedId")} as "${sql.raw(person)}", coalesce(${e("beginDate")}, ${t("startDate")})::text as "beginDate",
    ${e("beginDate")} is null as begin_defaulted, ${e("endDate")}::text as "endDate" ${extra}
  from ${e.from} join ${k.from} on ${joins(k, e, "classSourcedId")} ${SECTION_JOINS}
  where ${e("tenantId")} = ${tenant} and ${roles}`;

export const studentSectionAssociations: EdfiResource = {
  endpoint: "studentSectionAssociations",
  schema: "edFi_studentSectionAssociation",
  key: [top("beginDate"), ...SECTION_KEY_FIELDS, inRef("studentReference", "studentUniqueId")],
  studentData: true,
  params: { ...SECTION_PARAMS, studentUniqueId: "string", beginDate: "date", endDate: "date" },
  source: (tenant) => enrollmentsIn(tenant, sql`${e("role")} = 'student'`, "studentUniqueId"),
  toBody: (row, note) => {
    if (row.begin_defaulted) note("sectionBeginDate");
    return {
      studentReference: { studentUniqueId: row.studentUniqueId },
      sectionReference: sectionReference(row),
      beginDate: row.beginDate,
      ...(row.endDate === null ? {} : { endDate: row.endDate }),
    };
  },
};

export const staffSectionAssociations: EdfiResource = {
  endpoint: "staffSectionAssociations",
  schema: "edFi_staffSectionAssociation",
  key: [top("beginDate"), ...SECTION_KEY_FIELDS, inRef("staffReference", "staffUniqueId")],
  studentData: false,
  params: { ...SECTION_PARAMS, staffUniqueId: "string", beginDate: "date", endDate: "date" },
  source: (tenant) =>
    enrollmentsIn(
      tenant,
      sql`${e("role")} <> 'student'`,
      "staffUniqueId",
      sql`, ${e("primary")} as "primary"`,
    ),
  toBody: (row, note) => {
    if (row.begin_defaulted) note("sectionBeginDate");
    note("classroomPosition");
    return {
      staffReference: { staffUniqueId: row.staffUniqueId },
      sectionReference: sectionReference(row),
      beginDate: row.beginDate,
      ...(row.endDate === null ? {} : { endDate: row.endDate }),
      classroomPositionDescriptor: descriptorUri(
        "ClassroomPositionDescriptor",
        row.primary ? "Teacher of Record" : "Support Teacher",
      ),
    };
  },
};
