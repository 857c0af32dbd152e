import { type SQL, sql } from "drizzle-orm";
import { demographicsEntity, userEntity } from "../../entities/index.ts";
import { descriptorUri } from "../descriptors/descriptor-sets.ts";
import { type EdfiResource, top } from "../resource.ts";
import { CONTACT_ROLES, STAFF_ROLES, sex } from "./codes.ts";
import { orDefault } from "./defaults.ts";
import { hasRole, lifecycle, on, userOrgs } from "./sql.ts";

const u = on(userEntity.table, "u");
const d = on(demographicsEntity.table, "d");

/** The name fields every person shares, from the user row. */
const NAMES = sql`${u("givenName")} as "firstName", ${u("familyName")} as "lastSurname",
  ${u("middleName")} as "middleName", ${u("preferredFirstName")} as "preferredFirstName",
  ${u("preferredLastName")} as "preferredLastSurname", ${u("username")} as "loginId",
  ${u("email")} as email`;

const optional = (row: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(names.flatMap((name) => (row[name] === null ? [] : [[name, row[name]]])));

const names = (row: Record<string, unknown>) => ({
  firstName: row.firstName,
  lastSurname: row.lastSurname,
  ...optional(row, ["middleName", "preferredFirstName", "preferredLastSurname"]),
});

/** A person's e-mail as Ed-Fi `electronicMails`, of the given type. */
export const electronicMails = (email: unknown, type: "Work" | "Home/Personal") =>
  typeof email === "string" && email !== ""
    ? {
        electronicMails: [
          {
            electronicMailTypeDescriptor: descriptorUri("ElectronicMailTypeDescriptor", type),
            electronicMailAddress: email,
          },
        ],
      }
    : {};

/** Users holding a role among `roles`, with their demographics when `demographics` is set. */
const people = (tenant: SQL, roles: readonly string[], uniqueId: string, extra: SQL = sql``) => sql`
  select ${lifecycle(u, [d], userOrgs(u))}, ${u("sourcedId")} as "${sql.raw(uniqueId)}", ${NAMES} ${extra}
  from ${u.from} left join ${d.from} on ${d("tenantId")} = ${u("tenantId")} and ${d("sourcedId")} = ${u("sourcedId")}
  where ${u("tenantId")} = ${tenant} and ${hasRole(u, roles)}`;

const PERSON_PARAMS = {
  firstName: "string",
  lastSurname: "string",
  middleName: "string",
} as const;

export const students: EdfiResource = {
  endpoint: "students",
  schema: "edFi_student",
  key: [top("studentUniqueId")],
  studentData: true,
  params: { studentUniqueId: "string", birthDate: "date", ...PERSON_PARAMS },
  source: (tenant) =>
    people(
      tenant,
      ["student"],
      "studentUniqueId",
      sql`, ${d("birthDate")}::text as "birthDate", ${d("sex")} as sex,
        ${d("cityOfBirth")} as "birthCity"`,
    ),
  toBody: (row, note) => {
    const birthSex = sex(row.sex as string | null);
    return {
      studentUniqueId: row.studentUniqueId,
      ...names(row),
      birthDate: orDefault(row.birthDate as string | null, "studentBirthDate", "1900-01-01", note),
      ...(birthSex === undefined ? {} : { birthSexDescriptor: birthSex }),
      ...optional(row, ["birthCity"]),
    };
  },
};

export const staffs: EdfiResource = {
  endpoint: "staffs",
  schema: "edFi_staff",
  key: [top("staffUniqueId")],
  studentData: false,
  params: { staffUniqueId: "string", loginId: "string", ...PERSON_PARAMS },
  source: (tenant) => people(tenant, STAFF_ROLES, "staffUniqueId"),
  toBody: (row) => ({
    staffUniqueId: row.staffUniqueId,
    ...names(row),
    ...optional(row, ["loginId"]),
    ...electronicMails(row.email, "Work"),
  }),
};

export const contacts: EdfiResource = {
  endpoint: "contacts",
  schema: "edFi_contact",
  key: [top("contactUniqueId")],
  // A student's contacts are part of the student's education record.
  studentData: true,
  params: { contactUniqueId: "string", loginId: "string", ...PERSON_PARAMS },
  source: (tenant) => people(tenant, CONTACT_ROLES, "contactUniqueId"),
  toBody: (row) => ({
    contactUniqueId: row.contactUniqueId,
    ...names(row),
    ...optional(row, ["loginId"]),
    ...electronicMails(row.email, "Home/Personal"),
  }),
};
