import type { PgTable } from "drizzle-orm/pg-core";
import type { FileName } from "../csv/catalogue.ts";
import type { CsvRecord } from "../csv/record.ts";
import * as t from "../db/schema/index.ts";
import {
  bool,
  dayStart,
  list,
  num,
  required,
  scoreScaleValues,
  text,
  userIds,
  year,
} from "./record-values.ts";

type Values = CsvRecord["values"];
type Row = Record<string, unknown>;

export interface FileMapping {
  table: PgTable;
  row(v: Values): Row;
}

/**
 * How each OneRoster CSV file maps onto the tables: one entry per file. The lifecycle and
 * metadata columns are common and added by `baseRow`.
 */
export const FILE_MAPPINGS: Record<FileName, FileMapping> = {
  orgs: {
    table: t.orgs,
    row: (v) => ({
      name: required(v, "name"),
      type: required(v, "type"),
      identifier: text(v, "identifier"),
      parentSourcedId: text(v, "parentSourcedId"),
    }),
  },
  academicSessions: {
    table: t.academicSessions,
    row: (v) => ({
      title: required(v, "title"),
      type: required(v, "type"),
      startDate: required(v, "startDate"),
      endDate: required(v, "endDate"),
      parentSourcedId: text(v, "parentSourcedId"),
      schoolYear: year(v, "schoolYear"),
    }),
  },
  courses: {
    table: t.courses,
    row: (v) => ({
      schoolYearSourcedId: text(v, "schoolYearSourcedId"),
      title: required(v, "title"),
      courseCode: text(v, "courseCode"),
      grades: list(v, "grades"),
      orgSourcedId: text(v, "orgSourcedId"),
      subjects: list(v, "subjects"),
      subjectCodes: list(v, "subjectCodes"),
    }),
  },
  classes: {
    table: t.classes,
    row: (v) => ({
      title: required(v, "title"),
      grades: list(v, "grades"),
      courseSourcedId: required(v, "courseSourcedId"),
      classCode: text(v, "classCode"),
      classType: text(v, "classType"),
      location: text(v, "location"),
      schoolSourcedId: required(v, "schoolSourcedId"),
      subjects: list(v, "subjects"),
      subjectCodes: list(v, "subjectCodes"),
      periods: list(v, "periods"),
      termSourcedIds: list(v, "termSourcedIds") ?? [],
    }),
  },
  users: {
    table: t.users,
    row: (v) => ({
      enabledUser: bool(v, "enabledUser") ?? true,
      username: text(v, "username"),
      userIds: userIds(v),
      givenName: required(v, "givenName"),
      familyName: required(v, "familyName"),
      middleName: text(v, "middleName"),
      identifier: text(v, "identifier"),
      email: text(v, "email"),
      sms: text(v, "sms"),
      phone: text(v, "phone"),
      grades: list(v, "grades"),
      password: text(v, "password"),
      userMasterIdentifier: text(v, "userMasterIdentifier"),
      preferredFirstName: text(v, "preferredGivenName"),
      preferredMiddleName: text(v, "preferredMiddleName"),
      preferredLastName: text(v, "preferredFamilyName"),
      primaryOrgSourcedId: text(v, "primaryOrgSourcedId"),
      pronouns: text(v, "pronouns"),
      agentSourcedIds: list(v, "agentSourcedIds"),
    }),
  },
  userProfiles: {
    table: t.userProfiles,
    row: (v) => ({
      userSourcedId: required(v, "userSourcedId"),
      profileType: required(v, "profileType"),
      vendorId: required(v, "vendorId"),
      applicationId: text(v, "applicationId"),
      description: text(v, "description"),
      credentials: [
        {
          type: required(v, "credentialType"),
          username: required(v, "username"),
          ...(text(v, "password") ? { password: text(v, "password") } : {}),
        },
      ],
    }),
  },
  roles: {
    table: t.userRoles,
    row: (v) => ({
      userSourcedId: required(v, "userSourcedId"),
      roleType: required(v, "roleType"),
      role: required(v, "role"),
      beginDate: text(v, "beginDate"),
      endDate: text(v, "endDate"),
      orgSourcedId: required(v, "orgSourcedId"),
      userProfileSourcedId: text(v, "userProfileSourcedId"),
    }),
  },
  enrollments: {
    table: t.enrollments,
    row: (v) => ({
      classSourcedId: required(v, "classSourcedId"),
      schoolSourcedId: required(v, "schoolSourcedId"),
      userSourcedId: required(v, "userSourcedId"),
      role: required(v, "role"),
      primary: bool(v, "primary"),
      beginDate: text(v, "beginDate"),
      endDate: text(v, "endDate"),
    }),
  },
  demographics: {
    table: t.demographics,
    row: (v) => ({
      birthDate: text(v, "birthDate"),
      sex: text(v, "sex"),
      americanIndianOrAlaskaNative: bool(v, "americanIndianOrAlaskaNative"),
      asian: bool(v, "asian"),
      blackOrAfricanAmerican: bool(v, "blackOrAfricanAmerican"),
      nativeHawaiianOrOtherPacificIslander: bool(v, "nativeHawaiianOrOtherPacificIslander"),
      white: bool(v, "white"),
      demographicRaceTwoOrMoreRaces: bool(v, "demographicRaceTwoOrMoreRaces"),
      hispanicOrLatinoEthnicity: bool(v, "hispanicOrLatinoEthnicity"),
      countryOfBirthCode: text(v, "countryOfBirthCode"),
      stateOfBirthAbbreviation: text(v, "stateOfBirthAbbreviation"),
      cityOfBirth: text(v, "cityOfBirth"),
      publicSchoolResidenceStatus: text(v, "publicSchoolResidenceStatus"),
    }),
  },
  resources: {
    table: t.resources,
    row: (v) => ({
      vendorResourceId: required(v, "vendorResourceId"),
      title: text(v, "title"),
      roles: list(v, "roles"),
      importance: text(v, "importance"),
      vendorId: text(v, "vendorId"),
      applicationId: text(v, "applicationId"),
    }),
  },
  classResources: {
    table: t.classResources,
    row: (v) => ({
      title: text(v, "title"),
      classSourcedId: required(v, "classSourcedId"),
      resourceSourcedId: required(v, "resourceSourcedId"),
    }),
  },
  courseResources: {
    table: t.courseResources,
    row: (v) => ({
      title: text(v, "title"),
      courseSourcedId: required(v, "courseSourcedId"),
      resourceSourcedId: required(v, "resourceSourcedId"),
    }),
  },
  userResources: {
    table: t.userResources,
    row: (v) => ({
      userSourcedId: required(v, "userSourcedId"),
      orgSourcedId: text(v, "orgSourcedId"),
      classSourcedId: text(v, "classSourcedId"),
      resourceSourcedId: required(v, "resourceSourcedId"),
    }),
  },
  categories: {
    table: t.categories,
    row: (v) => ({ title: required(v, "title"), weight: num(v, "weight") }),
  },
  scoreScales: {
    table: t.scoreScales,
    row: (v) => ({
      title: required(v, "title"),
      type: required(v, "type"),
      orgSourcedId: text(v, "orgSourcedId"),
      courseSourcedId: text(v, "courseSourcedId"),
      classSourcedId: required(v, "classSourcedId"),
      scoreScaleValue: scoreScaleValues(v),
    }),
  },
  lineItems: {
    table: t.lineItems,
    row: (v) => ({
      title: required(v, "title"),
      description: text(v, "description"),
      assignDate: dayStart(v, "assignDate"),
      dueDate: dayStart(v, "dueDate"),
      classSourcedId: required(v, "classSourcedId"),
      categorySourcedId: required(v, "categorySourcedId"),
      academicSessionSourcedId: text(v, "academicSessionSourcedId"),
      resultValueMin: num(v, "resultValueMin"),
      resultValueMax: num(v, "resultValueMax"),
      // 1.1 line items name no school: the database takes the class's (see migration 0013).
      schoolSourcedId: text(v, "schoolSourcedId"),
    }),
  },
  lineItemScoreScales: {
    table: t.lineItemScoreScales,
    row: (v) => ({
      title: text(v, "title"),
      lineItemSourcedId: required(v, "lineItemSourcedId"),
      scoreScaleSourcedId: required(v, "scoreScaleSourcedId"),
    }),
  },
  lineItemLearningObjectiveIds: {
    table: t.lineItemLearningObjectives,
    row: (v) => ({
      lineItemSourcedId: required(v, "lineItemSourcedId"),
      source: required(v, "source"),
      learningObjectiveId: required(v, "learningObjectiveId"),
    }),
  },
  results: {
    table: t.results,
    row: (v) => ({
      lineItemSourcedId: required(v, "lineItemSourcedId"),
      studentSourcedId: required(v, "studentSourcedId"),
      scoreStatus: required(v, "scoreStatus"),
      score: num(v, "score"),
      scoreDate: required(v, "scoreDate"),
      comment: text(v, "comment"),
      textScore: text(v, "textScore"),
      classSourcedId: text(v, "classSourcedId"),
      inProgress: bool(v, "inProgress"),
      incomplete: bool(v, "incomplete"),
      late: bool(v, "late"),
      missing: bool(v, "missing"),
    }),
  },
  resultScoreScales: {
    table: t.resultScoreScales,
    row: (v) => ({
      title: text(v, "title"),
      resultSourcedId: required(v, "resultSourcedId"),
      scoreScaleSourcedId: required(v, "scoreScaleSourcedId"),
    }),
  },
  resultLearningObjectiveIds: {
    table: t.resultLearningObjectives,
    row: (v) => ({
      resultSourcedId: required(v, "resultSourcedId"),
      source: required(v, "source"),
      learningObjectiveId: required(v, "learningObjectiveId"),
      score: num(v, "score"),
      textScore: text(v, "textScore"),
    }),
  },
};

/** The lifecycle and extension columns every entity row carries. */
export function baseRow(tenantId: string, record: CsvRecord): Row {
  const v = record.values;
  const modified = text(v, "dateLastModified");
  return {
    tenantId,
    sourcedId: required(v, "sourcedId"),
    status: text(v, "status") === "tobedeleted" ? "tobedeleted" : "active",
    sourceDateLastModified: modified ? new Date(modified) : null,
    metadata: Object.keys(record.metadata).length > 0 ? { ...record.metadata } : null,
  };
}
