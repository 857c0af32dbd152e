import { type SQL, sql } from "drizzle-orm";
import { demographicsEntity, orgEntity, roleEntity, userEntity } from "../../entities/index.ts";
import { descriptorUri } from "../descriptors/descriptor-sets.ts";
import { type EdfiResource, inRef, top } from "../resource.ts";
import {
  CONTACT_ROLES,
  gradeLevel,
  races,
  relation,
  STAFF_ROLES,
  sex,
  staffClassification,
} from "./codes.ts";
import { orDefault } from "./defaults.ts";
import { electronicMails } from "./people.ts";
import {
  derivedId,
  edfiOrgId,
  hasRole,
  latestYearStart,
  lifecycle,
  num,
  on,
  userOrgs,
} from "./sql.ts";

const r = on(roleEntity.table, "r");
const o = on(orgEntity.table, "o");
const u = on(userEntity.table, "u");
const d = on(demographicsEntity.table, "d");
const c = on(userEntity.table, "c");

const roleIn = (roles: readonly string[]) =>
  sql`${r("role")} in (${sql.join(
    roles.map((role) => sql`${role}`),
    sql`, `,
  )})`;

const orgOfRole = sql`join ${o.from} on ${o("tenantId")} = ${r("tenantId")} and ${o("sourcedId")} = ${r("orgSourcedId")}`;
const userOfRole = sql`join ${u.from} on ${u("tenantId")} = ${r("tenantId")} and ${u("sourcedId")} = ${r("userSourcedId")}`;

/** A role's begin date, or the latest school year's start (a documented default). */
const beginOrYearStart = (tenant: SQL) =>
  sql`coalesce(${r("beginDate")}, ${latestYearStart(tenant)})::text`;

export const studentSchoolAssociations: EdfiResource = {
  endpoint: "studentSchoolAssociations",
  schema: "edFi_studentSchoolAssociation",
  key: [
    inRef("studentReference", "studentUniqueId"),
    inRef("schoolReference", "schoolId"),
    top("entryDate"),
  ],
  studentData: true,
  params: {
    studentUniqueId: "string",
    schoolId: "integer",
    entryDate: "date",
    exitWithdrawDate: "date",
  },
  source: (tenant) => sql`
    select ${lifecycle(r, [u], sql`array[${r("orgSourcedId")}]`)},
      ${r("userSourcedId")} as "studentUniqueId", ${edfiOrgId(o)} as "schoolId",
      ${beginOrYearStart(tenant)} as "entryDate", ${r("beginDate")} is null as entry_defaulted,
      ${r("endDate")}::text as "exitWithdrawDate", ${u("grades")}[1] as grade
    from ${r.from} ${orgOfRole} ${userOfRole}
    where ${r("tenantId")} = ${tenant} and ${r("role")} = 'student' and ${o("type")} = 'school'`,
  toBody: (row, note) => {
    if (row.entry_defaulted) note("entryDate");
    return {
      studentReference: { studentUniqueId: row.studentUniqueId },
      schoolReference: { schoolId: num(row.schoolId) },
      entryDate: row.entryDate,
      entryGradeLevelDescriptor: orDefault(
        gradeLevel(row.grade as string | null),
        "entryGradeLevel",
        descriptorUri("GradeLevelDescriptor", "No grade level"),
        note,
      ),
      ...(row.exitWithdrawDate === null ? {} : { exitWithdrawDate: row.exitWithdrawDate }),
    };
  },
};

/**
 * One row per (user, org) pair of roles matching `roles`: active while any of its roles is,
 * changed when any of them changes.
 */
const rolePairs = (tenant: SQL, roles: readonly string[], schoolsOnly: boolean) => sql`
  select ${r("tenantId")} as tenant_id, ${r("userSourcedId")} as user_sourced_id,
    ${r("orgSourcedId")} as org_sourced_id, min(${r("status")}) as status,
    max(${r("changeSeq")}) as change_seq, max(${r("dateLastModified")}) as date_last_modified
  from ${r.from} ${orgOfRole}
  where ${r("tenantId")} = ${tenant} and ${roleIn(roles)} ${schoolsOnly ? sql`and ${o("type")} = 'school'` : sql``}
  group by 1, 2, 3`;

/** Columns of a role pair `x` joined to its user `u` (and `extra`) and its org `o`. */
const pairColumns = (extra: readonly SQL[]) => sql`
  ${derivedId(sql`x.tenant_id::text`, sql`x.user_sourced_id`, sql`x.org_sourced_id`)} as id,
  greatest(x.change_seq, ${u("changeSeq")}, ${sql.join([...extra], sql`, `)}) as change_version,
  greatest(x.date_last_modified, ${u("dateLastModified")}) as last_modified,
  x.status, array[x.org_sourced_id] as scope_orgs`;

const pairJoins = sql`
  join ${u.from} on ${u("tenantId")} = x.tenant_id and ${u("sourcedId")} = x.user_sourced_id
  join ${o.from} on ${o("tenantId")} = x.tenant_id and ${o("sourcedId")} = x.org_sourced_id`;

export const studentEducationOrganizationAssociations: EdfiResource = {
  endpoint: "studentEducationOrganizationAssociations",
  schema: "edFi_studentEducationOrganizationAssociation",
  key: [
    inRef("educationOrganizationReference", "educationOrganizationId"),
    inRef("studentReference", "studentUniqueId"),
  ],
  studentData: true,
  params: { studentUniqueId: "string", educationOrganizationId: "integer" },
  source: (tenant) => sql`
    select ${pairColumns([d("changeSeq"), o("changeSeq")])},
      x.user_sourced_id as "studentUniqueId", ${edfiOrgId(o)} as "educationOrganizationId",
      ${u("email")} as email, ${u("identifier")} as identifier, ${d("sex")} as sex,
      ${d("hispanicOrLatinoEthnicity")} as hispanic,
      ${d("americanIndianOrAlaskaNative")} as "americanIndianOrAlaskaNative", ${d("asian")} as asian,
      ${d("blackOrAfricanAmerican")} as "blackOrAfricanAmerican", ${d("white")} as white,
      ${d("nativeHawaiianOrOtherPacificIslander")} as "nativeHawaiianOrOtherPacificIslander"
    from (${rolePairs(tenant, ["student"], false)}) x ${pairJoins}
    left join ${d.from} on ${d("tenantId")} = x.tenant_id and ${d("sourcedId")} = x.user_sourced_id`,
  toBody: (row) => {
    const sexDescriptor = sex(row.sex as string | null);
    const raceList = races(row);
    return {
      studentReference: { studentUniqueId: row.studentUniqueId },
      educationOrganizationReference: { educationOrganizationId: num(row.educationOrganizationId) },
      ...(sexDescriptor === undefined ? {} : { sexDescriptor }),
      ...(row.hispanic === null ? {} : { hispanicLatinoEthnicity: row.hispanic }),
      ...(raceList.length === 0 ? {} : { races: raceList }),
      ...electronicMails(row.email, "Home/Personal"),
      ...(typeof row.identifier === "string" && row.identifier !== ""
        ? {
            studentIdentificationCodes: [
              {
                studentIdentificationSystemDescriptor: descriptorUri(
                  "StudentIdentificationSystemDescriptor",
                  "District",
                ),
                assigningOrganizationIdentificationCode: String(num(row.educationOrganizationId)),
                identificationCode: row.identifier,
              },
            ],
          }
        : {}),
    };
  },
};

export const studentContactAssociations: EdfiResource = {
  endpoint: "studentContactAssociations",
  schema: "edFi_studentContactAssociation",
  key: [inRef("contactReference", "contactUniqueId"), inRef("studentReference", "studentUniqueId")],
  studentData: true,
  params: { studentUniqueId: "string", contactUniqueId: "string" },
  // The agents list lives on the student's row, so the student's change version covers it.
  // It belongs where both people do: a restricted client sees it only when it may read both.
  source: (tenant) => sql`
    select ${lifecycle(u, [c], sql`array(select unnest(${userOrgs(u)}) intersect select unnest(${userOrgs(c)}))`, derivedId(sql`${u("tenantId")}::text`, u("sourcedId"), c("sourcedId")))},
      ${u("sourcedId")} as "studentUniqueId", ${c("sourcedId")} as "contactUniqueId",
      (select ${r("role")} from ${r.from} where ${r("tenantId")} = ${c("tenantId")}
        and ${r("userSourcedId")} = ${c("sourcedId")} and ${roleIn(CONTACT_ROLES)}
        order by ${r("roleType")}, ${r("role")} limit 1) as role
    from ${u.from} cross join unnest(${u("agentSourcedIds")}) a(agent)
    join ${c.from} on ${c("tenantId")} = ${u("tenantId")} and ${c("sourcedId")} = a.agent
    where ${u("tenantId")} = ${tenant} and ${hasRole(u, ["student"])} and ${hasRole(c, CONTACT_ROLES)}`,
  toBody: (row) => ({
    studentReference: { studentUniqueId: row.studentUniqueId },
    contactReference: { contactUniqueId: row.contactUniqueId },
    relationDescriptor: relation(row.role as string),
    legalGuardian: row.role === "guardian" || row.role === "parent",
  }),
};

export const staffEducationOrganizationAssignmentAssociations: EdfiResource = {
  endpoint: "staffEducationOrganizationAssignmentAssociations",
  schema: "edFi_staffEducationOrganizationAssignmentAssociation",
  key: [
    top("beginDate"),
    inRef("educationOrganizationReference", "educationOrganizationId"),
    top("staffClassificationDescriptor"),
    inRef("staffReference", "staffUniqueId"),
  ],
  studentData: false,
  params: {
    staffUniqueId: "string",
    educationOrganizationId: "integer",
    beginDate: "date",
    endDate: "date",
  },
  source: (tenant) => sql`
    select ${lifecycle(r, [], sql`array[${r("orgSourcedId")}]`)},
      ${r("userSourcedId")} as "staffUniqueId", ${edfiOrgId(o)} as "educationOrganizationId",
      ${beginOrYearStart(tenant)} as "beginDate", ${r("beginDate")} is null as begin_defaulted,
      ${r("endDate")}::text as "endDate", ${r("role")} as role
    from ${r.from} ${orgOfRole}
    where ${r("tenantId")} = ${tenant} and ${roleIn(STAFF_ROLES)}`,
  toBody: (row, note) => {
    if (row.begin_defaulted) note("assignmentBeginDate");
    return {
      staffReference: { staffUniqueId: row.staffUniqueId },
      educationOrganizationReference: { educationOrganizationId: num(row.educationOrganizationId) },
      staffClassificationDescriptor: staffClassification(row.role as string),
      beginDate: row.beginDate,
      ...(row.endDate === null ? {} : { endDate: row.endDate }),
      positionTitle: row.role,
    };
  },
};

export const staffSchoolAssociations: EdfiResource = {
  endpoint: "staffSchoolAssociations",
  schema: "edFi_staffSchoolAssociation",
  key: [
    top("programAssignmentDescriptor"),
    inRef("schoolReference", "schoolId"),
    inRef("staffReference", "staffUniqueId"),
  ],
  studentData: false,
  params: { staffUniqueId: "string", schoolId: "integer" },
  source: (tenant) => sql`
    select ${pairColumns([o("changeSeq")])},
      x.user_sourced_id as "staffUniqueId", ${edfiOrgId(o)} as "schoolId"
    from (${rolePairs(tenant, STAFF_ROLES, true)}) x ${pairJoins}`,
  toBody: (row, note) => ({
    staffReference: { staffUniqueId: row.staffUniqueId },
    schoolReference: { schoolId: num(row.schoolId) },
    programAssignmentDescriptor: descriptorUri(
      "ProgramAssignmentDescriptor",
      orDefault(undefined, "programAssignment", "Regular Education", note),
    ),
  }),
};
