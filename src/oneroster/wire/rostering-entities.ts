import { z } from "@hono/zod-openapi";
import {
  CLASS_TYPES,
  ENROLLMENT_ROLES,
  ORG_TYPES,
  ROLE_TYPES,
  SESSION_TYPES,
  SEX_VALUES,
  USER_ROLES,
} from "../vocabulary.ts";
import { baseFields, dateSchema, extensibleEnum, trueFalseSchema } from "./base.ts";
import {
  AcadSessionGUIDRefDType,
  ClassGUIDRefDType,
  CourseGUIDRefDType,
  OrgGUIDRefDType,
  ResourceGUIDRefDType,
  UserGUIDRefDType,
} from "./guid-refs.ts";

/** Entities of the Rostering service and the types nested in them. */

export const OrgDType = z
  .strictObject({
    ...baseFields,
    name: z.string(),
    type: extensibleEnum(ORG_TYPES),
    identifier: z.string(),
    parent: OrgGUIDRefDType.optional(),
    children: z.array(OrgGUIDRefDType).optional(),
  })
  .openapi("OrgDType");
export type Org = z.infer<typeof OrgDType>;

export const AcademicSessionDType = z
  .strictObject({
    ...baseFields,
    title: z.string(),
    startDate: dateSchema,
    endDate: dateSchema,
    type: extensibleEnum(SESSION_TYPES),
    parent: AcadSessionGUIDRefDType.optional(),
    children: z.array(AcadSessionGUIDRefDType).optional(),
    schoolYear: z.string(),
  })
  .openapi("AcademicSessionDType");
export type AcademicSession = z.infer<typeof AcademicSessionDType>;

export const CourseDType = z
  .strictObject({
    ...baseFields,
    title: z.string(),
    schoolYear: AcadSessionGUIDRefDType.optional(),
    courseCode: z.string(),
    grades: z.array(z.string()).optional(),
    subjects: z.array(z.string()).optional(),
    org: OrgGUIDRefDType.optional(),
    subjectCodes: z.array(z.string()).optional(),
    resources: z.array(ResourceGUIDRefDType).optional(),
  })
  .openapi("CourseDType");
export type Course = z.infer<typeof CourseDType>;

export const ClassDType = z
  .strictObject({
    ...baseFields,
    title: z.string(),
    classCode: z.string().optional(),
    classType: extensibleEnum(CLASS_TYPES).optional(),
    location: z.string().optional(),
    grades: z.array(z.string()).optional(),
    subjects: z.array(z.string()).optional(),
    course: CourseGUIDRefDType,
    school: OrgGUIDRefDType,
    terms: z.array(AcadSessionGUIDRefDType).min(1),
    subjectCodes: z.array(z.string()).optional(),
    periods: z.array(z.string()).optional(),
    resources: z.array(ResourceGUIDRefDType).optional(),
  })
  .openapi("ClassDType");
export type Class = z.infer<typeof ClassDType>;

export const UserIdDType = z
  .strictObject({ type: z.string(), identifier: z.string() })
  .openapi("UserIdDType");

/** The one nested type besides Metadata whose extra keys the official file allows. */
export const CredentialDType = z
  .looseObject({ type: z.string(), username: z.string(), password: z.string().optional() })
  .openapi("CredentialDType", { additionalProperties: true });

export const UserProfileDType = z
  .strictObject({
    profileId: z.url(),
    profileType: z.string(),
    vendorId: z.string(),
    applicationId: z.string().optional(),
    description: z.string().optional(),
    credentials: z.array(CredentialDType).optional(),
  })
  .openapi("UserProfileDType");

export const RoleDType = z
  .strictObject({
    roleType: z.enum(ROLE_TYPES),
    role: extensibleEnum(USER_ROLES),
    org: OrgGUIDRefDType,
    userProfile: z.url().optional(),
    beginDate: dateSchema.optional(),
    endDate: dateSchema.optional(),
  })
  .openapi("RoleDType");

export const UserDType = z
  .strictObject({
    ...baseFields,
    userMasterIdentifier: z.string().optional(),
    username: z.string().optional(),
    userIds: z.array(UserIdDType).optional(),
    enabledUser: trueFalseSchema,
    givenName: z.string(),
    familyName: z.string(),
    middleName: z.string().optional(),
    preferredFirstName: z.string().optional(),
    preferredMiddleName: z.string().optional(),
    preferredLastName: z.string().optional(),
    pronouns: z.string().optional(),
    roles: z.array(RoleDType).min(1),
    userProfiles: z.array(UserProfileDType).optional(),
    primaryOrg: OrgGUIDRefDType.optional(),
    identifier: z.string().optional(),
    email: z.string().optional(),
    sms: z.string().optional(),
    phone: z.string().optional(),
    agents: z.array(UserGUIDRefDType).optional(),
    grades: z.array(z.string()).optional(),
    password: z.string().optional(),
    resources: z.array(ResourceGUIDRefDType).optional(),
  })
  .openapi("UserDType");
export type User = z.infer<typeof UserDType>;

export const EnrollmentDType = z
  .strictObject({
    ...baseFields,
    user: UserGUIDRefDType,
    class: ClassGUIDRefDType,
    school: OrgGUIDRefDType,
    role: extensibleEnum(ENROLLMENT_ROLES),
    primary: trueFalseSchema.optional(),
    beginDate: dateSchema.optional(),
    endDate: dateSchema.optional(),
  })
  .openapi("EnrollmentDType");
export type Enrollment = z.infer<typeof EnrollmentDType>;

export const DemographicsDType = z
  .strictObject({
    ...baseFields,
    birthDate: dateSchema.optional(),
    sex: extensibleEnum(SEX_VALUES).optional(),
    americanIndianOrAlaskaNative: trueFalseSchema.optional(),
    asian: trueFalseSchema.optional(),
    blackOrAfricanAmerican: trueFalseSchema.optional(),
    nativeHawaiianOrOtherPacificIslander: trueFalseSchema.optional(),
    white: trueFalseSchema.optional(),
    demographicRaceTwoOrMoreRaces: trueFalseSchema.optional(),
    hispanicOrLatinoEthnicity: trueFalseSchema.optional(),
    countryOfBirthCode: z.string().optional(),
    stateOfBirthAbbreviation: z.string().optional(),
    cityOfBirth: z.string().optional(),
    publicSchoolResidenceStatus: z.string().optional(),
  })
  .openapi("DemographicsDType");
export type Demographics = z.infer<typeof DemographicsDType>;
