import { type SQL, sql } from "drizzle-orm";
import { classEntity, orgEntity } from "../../entities/index.ts";
import { descriptorUri } from "../descriptors/descriptor-sets.ts";
import { type EdfiResource, top } from "../resource.ts";
import { gradeLevel } from "./codes.ts";
import { orDefault } from "./defaults.ts";
import { edfiOrgId, lifecycle, num, on } from "./sql.ts";

/** OneRoster org types served as local education agencies. */
export const LEA_TYPES = ["district", "local"];
const leaTypes = sql.join(
  LEA_TYPES.map((type) => sql`${type}`),
  sql`, `,
);

const category = (code: string) => ({
  educationOrganizationCategoryDescriptor: descriptorUri(
    "EducationOrganizationCategoryDescriptor",
    code,
  ),
});

/** The parent org when it is a local education agency: its Ed-Fi id, else null. */
const parentLea = (o: ReturnType<typeof on>) => {
  const p = on(orgEntity.table, "p");
  return sql`(select ${edfiOrgId(p)} from ${p.from} where ${p("tenantId")} = ${o("tenantId")}
    and ${p("sourcedId")} = ${o("parentSourcedId")} and ${p("type")} in (${leaTypes}))`;
};

const o = on(orgEntity.table, "o");

export const localEducationAgencies: EdfiResource = {
  endpoint: "localEducationAgencies",
  schema: "edFi_localEducationAgency",
  key: [top("localEducationAgencyId")],
  studentData: false,
  params: { localEducationAgencyId: "integer" },
  source: (tenant: SQL) => sql`
    select ${lifecycle(o, [], sql`array[${o("sourcedId")}]`)},
      ${edfiOrgId(o)} as "localEducationAgencyId", ${o("name")} as "nameOfInstitution",
      ${parentLea(o)} as parent_lea
    from ${o.from} where ${o("tenantId")} = ${tenant} and ${o("type")} in (${leaTypes})`,
  toBody: (row, note) => ({
    localEducationAgencyId: num(row.localEducationAgencyId),
    nameOfInstitution: row.nameOfInstitution,
    localEducationAgencyCategoryDescriptor: descriptorUri(
      "LocalEducationAgencyCategoryDescriptor",
      orDefault(undefined, "leaCategory", "Independent", note),
    ),
    categories: [category("Local Education Agency")],
    ...(row.parent_lea === null
      ? {}
      : { parentLocalEducationAgencyReference: { localEducationAgencyId: num(row.parent_lea) } }),
  }),
};

const k = on(classEntity.table, "k");

export const schools: EdfiResource = {
  endpoint: "schools",
  schema: "edFi_school",
  key: [top("schoolId")],
  studentData: false,
  params: { schoolId: "integer", localEducationAgencyId: "integer" },
  source: (tenant: SQL) => sql`
    select ${lifecycle(o, [], sql`array[${o("sourcedId")}]`)},
      ${edfiOrgId(o)} as "schoolId", ${o("name")} as "nameOfInstitution",
      ${parentLea(o)} as "localEducationAgencyId",
      (select array_agg(distinct g order by g) from ${k.from}, unnest(${k("grades")}) g
        where ${k("tenantId")} = ${o("tenantId")} and ${k("schoolSourcedId")} = ${o("sourcedId")}
          and ${k("status")} = 'active') as grades
    from ${o.from} where ${o("tenantId")} = ${tenant} and ${o("type")} = 'school'`,
  toBody: (row, note) => {
    const levels = [
      ...new Set(((row.grades as string[] | null) ?? []).map(gradeLevel).filter(Boolean)),
    ] as string[];
    return {
      schoolId: num(row.schoolId),
      nameOfInstitution: row.nameOfInstitution,
      educationOrganizationCategories: [category("School")],
      gradeLevels: (levels.length > 0
        ? levels
        : orDefault(
            undefined,
            "schoolGradeLevels",
            [descriptorUri("GradeLevelDescriptor", "No grade level")],
            note,
          )
      ).map((gradeLevelDescriptor) => ({ gradeLevelDescriptor })),
      ...(row.localEducationAgencyId === null
        ? {}
        : {
            localEducationAgencyReference: {
              localEducationAgencyId: num(row.localEducationAgencyId),
            },
          }),
    };
  },
};
