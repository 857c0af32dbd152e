import { type SQL, sql } from "drizzle-orm";
import { courseGrades, results as resultRows } from "../../db/schema/index.ts";
import { academicSessionEntity, enrollmentEntity, lineItemEntity } from "../../entities/index.ts";
import { descriptorUri } from "../descriptors/descriptor-sets.ts";
import { type EdfiResource, inRef, top } from "../resource.ts";
import { periodPosition } from "./calendar.ts";
import { gradingPeriod } from "./codes.ts";
import { k, SECTION_JOINS, SECTION_KEY, SECTION_ROWS, sectionReference, t } from "./sections.ts";
import { derivedId, joins, num, on } from "./sql.ts";

const res = on(resultRows, "res");
const li = on(lineItemEntity.table, "li");
const cg = on(courseGrades, "cg");
const gp = on(academicSessionEntity.table, "gp");
const p = on(academicSessionEntity.table, "p");
const e = on(enrollmentEntity.table, "e");

/**
 * What grades are made of, one row per (student, class, grading period, grade type):
 * - the mean score of the student's results for the class's line items of a grading period,
 *   as its `Grading Period` grade;
 * - each course grade of a class, as the `Final` grade of the last grading period of its
 *   session (or of the session itself when it is a grading period).
 */
const gradeRows = (tenant: SQL) => sql`
  select ${res("tenantId")} as tenant_id, ${res("studentSourcedId")} as student,
    ${li("classSourcedId")} as class, ${li("academicSessionSourcedId")} as period,
    'Grading Period' as kind, round(avg(${res("score")})::numeric, 2)::float8 as numeric, null::text as letter,
    max(greatest(${res("changeSeq")}, ${li("changeSeq")})) as change_seq,
    max(greatest(${res("dateLastModified")}, ${li("dateLastModified")})) as last_modified,
    greatest(min(${res("status")}), max(${li("status")})) as status
  from ${res.from} join ${li.from} on ${joins(li, res, "lineItemSourcedId")}
  where ${res("tenantId")} = ${tenant} and ${res("score")} is not null
    and ${li("academicSessionSourcedId")} is not null
  group by 1, 2, 3, 4
  union all
  select ${cg("tenantId")}, ${cg("studentSourcedId")}, ${cg("classSourcedId")},
    (select ${p("sourcedId")} from ${p.from} where ${p("tenantId")} = ${cg("tenantId")}
      and ${p("type")} = 'gradingPeriod'
      and (${p("sourcedId")} = ${cg("sessionSourcedId")} or ${p("parentSourcedId")} = ${cg("sessionSourcedId")})
      order by ${p("endDate")} desc, ${p("sourcedId")} limit 1),
    'Final', ${cg("finalNumericGrade")}, ${cg("finalLetterGrade")}, ${cg("changeSeq")},
    ${cg("dateLastModified")}, ${cg("status")}
  from ${cg.from} where ${cg("tenantId")} = ${tenant} and ${cg("classSourcedId")} is not null`;

const statusesOf = SECTION_ROWS.map((row) => row("status"));

export const grades: EdfiResource = {
  endpoint: "grades",
  schema: "edFi_grade",
  key: [
    top("gradeTypeDescriptor"),
    inRef("gradingPeriodReference", "gradingPeriodDescriptor"),
    inRef("gradingPeriodReference", "gradingPeriodName"),
    // The DDL names the grading period's year apart from the section's.
    { name: "gradingPeriodSchoolYear", path: ["gradingPeriodReference", "schoolYear"] },
    ...[
      "beginDate",
      "localCourseCode",
      "schoolId",
      "schoolYear",
      "sectionIdentifier",
      "sessionName",
      "studentUniqueId",
    ].map((name) => inRef("studentSectionAssociationReference", name)),
  ],
  studentData: true,
  params: {
    studentUniqueId: "string",
    schoolId: "integer",
    sectionIdentifier: "string",
    gradingPeriodName: "string",
  },
  source: (tenant) => sql`
    select ${derivedId(sql`x.tenant_id::text`, sql`x.student`, sql`x.class`, sql`x.period`, sql`x.kind`)} as id,
      greatest(x.change_seq, ${sql.join(
        [...SECTION_ROWS, gp].map((row) => row("changeSeq")),
        sql`, `,
      )}, en.change_seq) as change_version,
      greatest(x.last_modified, ${sql.join(
        [...SECTION_ROWS, gp].map((row) => row("dateLastModified")),
        sql`, `,
      )}, en.last_modified) as last_modified,
      greatest(x.status, ${sql.join([...statusesOf, gp("status")], sql`, `)}, en.status) as status,
      array[${k("schoolSourcedId")}] as scope_orgs, ${SECTION_KEY},
      x.student as "studentUniqueId", en.begin_date as "beginDate", x.kind, x.numeric, x.letter,
      ${gp("title")} as "gradingPeriodName", ${gp("schoolYear")}::int as period_year, ${periodPosition(gp)}
    from (${gradeRows(tenant)}) x
    join ${k.from} on ${k("tenantId")} = x.tenant_id and ${k("sourcedId")} = x.class ${SECTION_JOINS}
    join ${gp.from} on ${gp("tenantId")} = x.tenant_id and ${gp("sourcedId")} = x.period
      and ${gp("type")} = 'gradingPeriod'
      and (${gp("orgSourcedId")} is null or ${gp("orgSourcedId")} = ${k("schoolSourcedId")})
    join lateral (
      select coalesce(${e("beginDate")}, ${t("startDate")})::text as begin_date, ${e("changeSeq")} as change_seq,
        ${e("dateLastModified")} as last_modified, ${e("status")} as status
      from ${e.from} where ${e("tenantId")} = x.tenant_id and ${e("userSourcedId")} = x.student
        and ${e("classSourcedId")} = x.class and ${e("role")} = 'student'
      order by ${e("status")}, ${e("sourcedId")} limit 1) en on true`,
  toBody: (row) => ({
    studentSectionAssociationReference: {
      ...sectionReference(row),
      beginDate: row.beginDate,
      studentUniqueId: row.studentUniqueId,
    },
    gradingPeriodReference: {
      gradingPeriodDescriptor: gradingPeriod(num(row.position), num(row.periods)),
      gradingPeriodName: row.gradingPeriodName,
      schoolId: num(row.schoolId),
      schoolYear: num(row.period_year),
    },
    gradeTypeDescriptor: descriptorUri("GradeTypeDescriptor", row.kind as string),
    ...(row.numeric === null ? {} : { numericGradeEarned: num(row.numeric) }),
    ...(row.letter === null ? {} : { letterGradeEarned: row.letter }),
  }),
};
