import type { CsvRecord } from "../entities/csv-record.ts";
import {
  classId,
  courseId,
  DISTRICT_ID,
  schoolId,
  studentEnrollmentId,
  studentId,
  teacherEnrollmentId,
  teacherId,
} from "./ids.ts";
import { type Cohort, eachClass, eachStudent, type School } from "./layout.ts";
import type { DistrictPlan } from "./plan.ts";
import { row } from "./row.ts";
import {
  BAND_LABELS,
  DISTRICT_NAME,
  DISTRICT_NCES_ID,
  PLACES,
  SCHEDULED_SLOTS,
  SLOTS,
  slotAt,
} from "./vocabulary.ts";

/** The district, then its schools, each with an NCES id in `metadata.ncesId`. */
export function* orgs(plan: DistrictPlan): Generator<CsvRecord> {
  yield row(
    "orgs",
    { sourcedId: DISTRICT_ID, name: DISTRICT_NAME, type: "district", identifier: "SVUSD" },
    { ncesId: DISTRICT_NCES_ID },
  );
  for (const school of plan.layout.schools) {
    const number = String(school.index + 1).padStart(5, "0");
    yield row(
      "orgs",
      {
        sourcedId: schoolId(school.index),
        name: schoolName(school),
        type: "school",
        identifier: `SV-${number}`,
        parentSourcedId: DISTRICT_ID,
      },
      { ncesId: `${DISTRICT_NCES_ID}${number}` },
    );
  }
}

/** The school year, its semesters, and their grading periods. */
export function* academicSessions(plan: DistrictPlan): Generator<CsvRecord> {
  const { year, semesters, gradingPeriods, schoolYear } = plan.calendar;
  for (const term of [year, ...semesters, ...gradingPeriods]) {
    yield row("academicSessions", { ...term, schoolYear });
  }
}

/** One course per school, grade and slot: six subjects and a homeroom. */
export function* courses(plan: DistrictPlan): Generator<CsvRecord> {
  for (const school of plan.layout.schools) {
    for (const cohort of school.cohorts) {
      for (let slot = 0; slot < SLOTS.length; slot += 1) {
        const { title, subject, subjectCode } = slotAt(slot);
        yield row("courses", {
          sourcedId: courseId(cohort, slot),
          schoolYearSourcedId: plan.calendar.year.sourcedId,
          title: `${title} ${gradeLabel(cohort.grade)}`,
          courseCode: `${subjectCode ?? "HR"}-${cohort.grade}`,
          grades: [cohort.grade],
          orgSourcedId: schoolId(school.index),
          subjects: subject === undefined ? undefined : [subject],
          subjectCodes: subjectCode === undefined ? undefined : [subjectCode],
        });
      }
    }
  }
}

/** One class per course and section, full-year (both semesters), in one period and room. */
export function* classes(plan: DistrictPlan): Generator<CsvRecord> {
  const terms = plan.calendar.semesters.map((term) => term.sourcedId);
  for (const { cohort, slot, section } of eachClass(plan.layout)) {
    const { title, subject, subjectCode, period } = slotAt(slot);
    const number = String(section + 1).padStart(2, "0");
    yield row("classes", {
      sourcedId: classId(cohort, slot, section),
      title: `${title} ${gradeLabel(cohort.grade)}, Section ${number}`,
      grades: [cohort.grade],
      courseSourcedId: courseId(cohort, slot),
      classCode: `${subjectCode ?? "HR"}-${cohort.grade}-${number}`,
      classType: slot < SCHEDULED_SLOTS ? "scheduled" : "homeroom",
      location: `Room ${room(cohort, section)}`,
      schoolSourcedId: schoolId(cohort.school.index),
      termSourcedIds: terms,
      subjects: subject === undefined ? undefined : [subject],
      subjectCodes: subjectCode === undefined ? undefined : [subjectCode],
      periods: [period],
    });
  }
}

/** Seven per student (six subjects and homeroom), then one primary teacher per class. */
export function* enrollments(plan: DistrictPlan): Generator<CsvRecord> {
  const { startDate: beginDate, endDate } = plan.calendar.year;
  for (const { student, cohort, section } of eachStudent(plan.layout)) {
    const schoolSourcedId = schoolId(cohort.school.index);
    const userSourcedId = studentId(student);
    for (let slot = 0; slot < SLOTS.length; slot += 1) {
      yield row("enrollments", {
        sourcedId: studentEnrollmentId(student, slot),
        classSourcedId: classId(cohort, slot, section),
        schoolSourcedId,
        userSourcedId,
        role: "student",
        beginDate,
        endDate,
      });
    }
  }
  for (const { cohort, slot, section, teacher } of eachClass(plan.layout)) {
    const classSourcedId = classId(cohort, slot, section);
    yield row("enrollments", {
      sourcedId: teacherEnrollmentId(classSourcedId),
      classSourcedId,
      schoolSourcedId: schoolId(cohort.school.index),
      userSourcedId: teacherId(teacher),
      role: "teacher",
      primary: true,
      beginDate,
      endDate,
    });
  }
}

function schoolName(school: School): string {
  const place = PLACES[school.index % PLACES.length];
  const round = Math.floor(school.index / PLACES.length);
  return `${place}${round === 0 ? "" : ` ${round + 1}`} ${BAND_LABELS[school.band]}`;
}

function gradeLabel(grade: string): string {
  return grade === "KG" ? "Kindergarten" : `Grade ${Number(grade)}`;
}

function room(cohort: Cohort, section: number): number {
  return 100 * (cohort.school.grades.indexOf(cohort.grade) + 1) + section + 1;
}
