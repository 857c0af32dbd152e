import type { CsvRecord } from "../entities/csv-record.ts";
import {
  DISTRICT_ID,
  guardianId,
  profileId,
  roleId,
  schoolId,
  studentId,
  teacherId,
} from "./ids.ts";
import { eachStudent, eachTeacher } from "./layout.ts";
import { describeGuardian, describeStudent, describeTeacher } from "./people.ts";
import type { DistrictPlan } from "./plan.ts";
import { row } from "./row.ts";
import { RACES } from "./vocabulary.ts";

/** Teachers, then students, then each student's one or two guardians. */
export function* users(plan: DistrictPlan): Generator<CsvRecord> {
  for (const { teacher, school } of eachTeacher(plan.layout)) {
    const person = describeTeacher(plan, teacher);
    yield row("users", {
      sourcedId: teacherId(teacher),
      enabledUser: true,
      username: person.username,
      userIds: [{ type: "LDAP", identifier: person.username }],
      givenName: person.givenName,
      familyName: person.familyName,
      middleName: person.middleName,
      identifier: `T${teacher + 1}`,
      email: `${person.username}@staff.saguaro-valley.example`,
      phone: person.phone,
      grades: school.grades,
      primaryOrgSourcedId: schoolId(school.index),
    });
  }
  for (const { student, cohort } of eachStudent(plan.layout)) {
    const person = describeStudent(plan, student, cohort);
    const number = `S${String(student + 1).padStart(7, "0")}`;
    yield row(
      "users",
      {
        sourcedId: studentId(student),
        enabledUser: true,
        username: person.username,
        userIds: [{ type: "SIS", identifier: number }],
        givenName: person.givenName,
        familyName: person.familyName,
        middleName: person.middleName,
        identifier: number,
        email: `${person.username}@students.saguaro-valley.example`,
        agentSourcedIds: guardianIds(student, person.guardians),
        grades: [cohort.grade],
        preferredGivenName: person.preferredGivenName,
        primaryOrgSourcedId: schoolId(cohort.school.index),
      },
      { homeLanguage: person.homeLanguage },
    );
  }
  for (const { student, cohort } of eachStudent(plan.layout)) {
    const child = describeStudent(plan, student, cohort);
    for (let which = 1; which <= child.guardians; which += 1) {
      const person = describeGuardian(plan, student, which, child);
      yield row("users", {
        sourcedId: guardianId(student, which),
        enabledUser: true,
        username: person.username,
        givenName: person.givenName,
        familyName: person.familyName,
        email: `${person.username}@family.example`,
        sms: person.phone,
        phone: person.phone,
        agentSourcedIds: [studentId(student)],
      });
    }
  }
}

/** Every user's primary role: teachers and students at their school, guardians at the district. */
export function* roles(plan: DistrictPlan): Generator<CsvRecord> {
  const { startDate: beginDate, endDate } = plan.calendar.year;
  for (const { teacher, school } of eachTeacher(plan.layout)) {
    const userSourcedId = teacherId(teacher);
    yield row("roles", {
      sourcedId: roleId(userSourcedId),
      userSourcedId,
      roleType: "primary",
      role: "teacher",
      beginDate,
      endDate,
      orgSourcedId: schoolId(school.index),
      userProfileSourcedId: profileId(userSourcedId),
    });
  }
  for (const { student, cohort } of eachStudent(plan.layout)) {
    const userSourcedId = studentId(student);
    yield row("roles", {
      sourcedId: roleId(userSourcedId),
      userSourcedId,
      roleType: "primary",
      role: "student",
      beginDate,
      endDate,
      orgSourcedId: schoolId(cohort.school.index),
    });
  }
  for (const { student, cohort } of eachStudent(plan.layout)) {
    const child = describeStudent(plan, student, cohort);
    for (let which = 1; which <= child.guardians; which += 1) {
      const userSourcedId = guardianId(student, which);
      yield row("roles", {
        sourcedId: roleId(userSourcedId),
        userSourcedId,
        roleType: "primary",
        role: describeGuardian(plan, student, which, child).relation,
        orgSourcedId: DISTRICT_ID,
      });
    }
  }
}

/** One per student, sharing the student's sourcedId as the binding asks. */
export function* demographics(plan: DistrictPlan): Generator<CsvRecord> {
  for (const { student, cohort } of eachStudent(plan.layout)) {
    const person = describeStudent(plan, student, cohort);
    const values: CsvRecord["values"] = {
      sourcedId: studentId(student),
      birthDate: person.birthDate,
      sex: person.sex,
      demographicRaceTwoOrMoreRaces: person.races.length > 1,
      hispanicOrLatinoEthnicity: person.hispanic,
      countryOfBirthCode: person.bornInUs ? "US" : "MX",
      stateOfBirthAbbreviation: person.bornInUs ? "AZ" : undefined,
      cityOfBirth: person.bornInUs ? person.cityOfBirth : undefined,
    };
    for (const race of RACES) values[race] = person.races.includes(race);
    yield row("demographics", values);
  }
}

/** A learning-platform login for every teacher, referenced from their role. */
export function* userProfiles(plan: DistrictPlan): Generator<CsvRecord> {
  for (const { teacher } of eachTeacher(plan.layout)) {
    const userSourcedId = teacherId(teacher);
    yield row("userProfiles", {
      sourcedId: profileId(userSourcedId),
      userSourcedId,
      profileType: "lms",
      vendorId: "tsa-coach",
      applicationId: "coach-classroom",
      description: "Coach Classroom sign-in",
      credentialType: "username",
      username: describeTeacher(plan, teacher).username,
    });
  }
}

function guardianIds(student: number, count: number): string[] {
  return Array.from({ length: count }, (_, k) => guardianId(student, k + 1));
}
