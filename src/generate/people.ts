import { gradeNumber } from "./calendar.ts";
import type { Cohort } from "./layout.ts";
import type { DistrictPlan } from "./plan.ts";
import { type RowRandom, rowRandom, Stream } from "./random.ts";
import {
  CITIES,
  FAMILY_NAMES,
  FEMALE_NAMES,
  HOME_LANGUAGE_WEIGHTS,
  HOME_LANGUAGES,
  MALE_NAMES,
  RACE_WEIGHTS,
  RACES,
} from "./vocabulary.ts";

// Each person is drawn from their own seeded sequence in a fixed order, so users.csv, roles.csv
// and demographics.csv, generated separately, agree on who someone is.

export interface Person {
  givenName: string;
  familyName: string;
  middleName?: string;
  sex: "female" | "male" | "unspecified";
  username: string;
}

export interface Student extends Person {
  preferredGivenName?: string;
  birthDate: string;
  /** One race, or two for students reported as two or more races. */
  races: readonly Race[];
  hispanic: boolean;
  bornInUs: boolean;
  cityOfBirth: string;
  homeLanguage: string;
  /** 1 or 2; guardian k of student i has the sourcedId `guardianId(i, k)`. */
  guardians: number;
}

export type Race = (typeof RACES)[number];

export interface Teacher extends Person {
  phone: string;
}

export interface Guardian extends Person {
  relation: "parent" | "guardian" | "relative";
  phone: string;
}

/**
 * Student `student` of `cohort`, the same every time for the same seed.
 *
 * @example
 * describeStudent(plan, 0, cohort).birthDate; // e.g. "2020-01-17" for kindergarten in 2025-2026
 */
export function describeStudent(plan: DistrictPlan, student: number, cohort: Cohort): Student {
  const random = rowRandom(plan.seed, Stream.student, student);
  const { givenName, familyName, middleName, sex, username } = drawPerson(random, `${student + 1}`);
  const race = random.weighted(RACES, RACE_WEIGHTS);
  const races = random.chance(0.06) ? [race, random.pick(RACES.filter((r) => r !== race))] : [race];
  // Built field by field: object spread is slow enough in V8 to show at millions of rows.
  return {
    givenName,
    familyName,
    middleName,
    sex,
    username,
    preferredGivenName: random.chance(0.08) ? `${givenName.slice(0, 3)}ie` : undefined,
    birthDate: random.pick(plan.birthDates[gradeNumber(cohort.grade)] ?? []),
    races,
    hispanic: random.chance(0.3),
    bornInUs: random.chance(0.92),
    cityOfBirth: random.pick(CITIES),
    homeLanguage: random.weighted(HOME_LANGUAGES, HOME_LANGUAGE_WEIGHTS),
    guardians: random.chance(0.6) ? 2 : 1,
  };
}

/** Teacher `teacher`, the same every time for the same seed. */
export function describeTeacher(plan: DistrictPlan, teacher: number): Teacher {
  const random = rowRandom(plan.seed, Stream.teacher, teacher);
  const { givenName, familyName, middleName, sex, username } = drawPerson(
    random,
    `t${teacher + 1}`,
  );
  return { givenName, familyName, middleName, sex, username, phone: phoneNumber(random) };
}

/**
 * Guardian `which` (1 or 2) of a student. The first shares the student's family name; a second is
 * just as often from another household.
 */
export function describeGuardian(
  plan: DistrictPlan,
  student: number,
  which: number,
  child: Student,
): Guardian {
  const random = rowRandom(plan.seed, Stream.guardian, student * 2 + which);
  const number = `g${student + 1}-${which}`;
  const { givenName, middleName, sex, familyName: own } = drawPerson(random, number);
  const familyName = which === 1 || random.chance(0.5) ? child.familyName : own;
  return {
    givenName,
    familyName,
    middleName,
    sex,
    username: username(givenName, familyName, number),
    relation: random.weighted(["parent", "guardian", "relative"] as const, [85, 10, 5]),
    phone: phoneNumber(random),
  };
}

/** An Arizona number in the 555-0100 to 555-0199 range, which is reserved for fiction. */
function phoneNumber(random: RowRandom): string {
  const area = random.pick(["480", "520", "602", "623", "928"]);
  return `+1-${area}-555-01${String(random.int(0, 99)).padStart(2, "0")}`;
}

function drawPerson(random: RowRandom, number: string): Person {
  const sex = random.weighted(["female", "male", "unspecified"] as const, [49, 49, 2]);
  const names =
    sex === "male" || (sex === "unspecified" && random.chance(0.5)) ? MALE_NAMES : FEMALE_NAMES;
  const givenName = random.pick(names);
  const familyName = random.pick(FAMILY_NAMES);
  const middleName = random.chance(0.7) ? random.pick(names) : undefined;
  return {
    givenName,
    familyName,
    middleName,
    sex,
    username: username(givenName, familyName, number),
  };
}

/** Unique because it ends in the person's number; letters only otherwise (no apostrophes). */
function username(givenName: string, familyName: string, number: string): string {
  return `${givenName}.${familyName}.${number}`.toLowerCase().replace(/[^a-z0-9.-]/g, "");
}
