import { type DescriptorName, descriptorUri, hasCode } from "../descriptors/descriptor-sets.ts";

/** OneRoster grade codes (CEDS) → GradeLevelDescriptor code values. */
const GRADE_LEVELS: Readonly<Record<string, string>> = {
  IT: "Infant/toddler",
  PR: "Preschool",
  PK: "Prekindergarten",
  TK: "Transitional Kindergarten",
  KG: "Kindergarten",
  "01": "First grade",
  "02": "Second grade",
  "03": "Third grade",
  "04": "Fourth grade",
  "05": "Fifth grade",
  "06": "Sixth grade",
  "07": "Seventh grade",
  "08": "Eighth grade",
  "09": "Ninth grade",
  "10": "Tenth grade",
  "11": "Eleventh grade",
  "12": "Twelfth grade",
  "13": "Grade 13",
  PS: "Postsecondary",
  UG: "Ungraded",
  Other: "Other",
};

/** The GradeLevelDescriptor URI of a OneRoster grade, or undefined when it has none. */
export function gradeLevel(grade: string | null | undefined): string | undefined {
  const code = grade === null || grade === undefined ? undefined : GRADE_LEVELS[grade];
  return code === undefined ? undefined : descriptorUri("GradeLevelDescriptor", code);
}

const SEXES: Readonly<Record<string, string>> = {
  male: "Male",
  female: "Female",
  other: "Non-binary",
  unspecified: "Not Selected",
};

/** The SexDescriptor URI of a OneRoster sex; extension values have none. */
export function sex(value: string | null | undefined): string | undefined {
  const code = value ? SEXES[value] : undefined;
  return code === undefined ? undefined : descriptorUri("SexDescriptor", code);
}

/** OneRoster role → StaffClassificationDescriptor code value. */
const STAFF_CLASSIFICATIONS: Readonly<Record<string, string>> = {
  teacher: "Teacher",
  aide: "Instructional Aide",
  counselor: "Counselor",
  principal: "Principal",
  siteAdministrator: "School Administrator",
  administrator: "School Administrator",
  districtAdministrator: "LEA Administrator",
  systemAdministrator: "LEA System Administrator",
  proctor: "Other",
};

export const STAFF_ROLES = Object.keys(STAFF_CLASSIFICATIONS);
export const CONTACT_ROLES = ["parent", "guardian", "relative"];

export const staffClassification = (role: string) =>
  descriptorUri("StaffClassificationDescriptor", STAFF_CLASSIFICATIONS[role] ?? "Other");

const RELATIONS: Readonly<Record<string, string>> = {
  parent: "Parent",
  guardian: "Guardian",
  relative: "Relative",
};

export const relation = (role: string) =>
  descriptorUri("RelationDescriptor", RELATIONS[role] ?? "Other");

const RACES = [
  ["americanIndianOrAlaskaNative", "American Indian or Alaska Native"],
  ["asian", "Asian"],
  ["blackOrAfricanAmerican", "Black or African American"],
  ["nativeHawaiianOrOtherPacificIslander", "Native Hawaiian or Pacific Islander"],
  ["white", "White"],
] as const;

/** The races[] of a demographics row's flags. */
export const races = (row: Record<string, unknown>) =>
  RACES.filter(([flag]) => row[flag] === true).map(([, code]) => ({
    raceDescriptor: descriptorUri("RaceDescriptor", code),
  }));

const TERMS: Readonly<Record<string, string>> = {
  schoolYear: "Year Round",
  semester: "Semester",
};

/** The TermDescriptor URI of a OneRoster session type, or undefined for a plain `term`. */
export const term = (sessionType: string) => {
  const code = TERMS[sessionType];
  return code === undefined ? undefined : descriptorUri("TermDescriptor", code);
};

const PERIOD_NAMES: Readonly<Record<number, readonly string[]>> = {
  2: ["First Semester", "Second Semester"],
  3: ["First Trimester", "Second Trimester", "Third Trimester"],
  4: ["First Nine Weeks", "Second Nine Weeks", "Third Nine Weeks", "Fourth Nine Weeks"],
  6: [
    "First Six Weeks",
    "Second Six Weeks",
    "Third Six Weeks",
    "Fourth Six Weeks",
    "Fifth Six Weeks",
    "Sixth Six Weeks",
  ],
};

/** The GradingPeriodDescriptor of the `position`-th (1-based) of `count` periods in a year. */
export const gradingPeriod = (position: number, count: number) =>
  descriptorUri("GradingPeriodDescriptor", PERIOD_NAMES[count]?.[position - 1] ?? "End of Year");

/** A code value of the set when it is one, else the fallback (stored values may be extensions). */
export const codeOr = (name: DescriptorName, value: string, fallback: string): string =>
  descriptorUri(name, hasCode(name, value) ? value : fallback);
