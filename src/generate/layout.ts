import { BAND_GRADES, BAND_ROTATION, type Band, SLOTS } from "./vocabulary.ts";

const STUDENTS_PER_SCHOOL = 400;
const STUDENTS_PER_TEACHER = 20;
const CLASS_SIZE = 25;
const MIN_SCHOOLS = 3;

/** The students of one grade at one school, split into sections that share all seven classes. */
export interface Cohort {
  school: School;
  grade: string;
  firstStudent: number;
  students: number;
  sections: number;
  /** Index of this cohort's first class among its school's classes. */
  firstClass: number;
}

export interface School {
  index: number;
  band: Band;
  grades: readonly string[];
  firstStudent: number;
  students: number;
  cohorts: readonly Cohort[];
  firstTeacher: number;
  teachers: number;
}

/**
 * The shape of a district: schools, their grade cohorts, sections and teachers, as index ranges.
 * It is tiny (a few entries per school); every row of the package is derived from it and a row
 * index, so no row is ever held.
 */
export interface DistrictLayout {
  schools: readonly School[];
}

/**
 * Lays out a district: one school per ~400 students (at least 3, rotating elementary, middle and
 * high), students spread evenly over schools and grades, sections of up to 25, one teacher per ~20.
 *
 * @example
 * const layout = planDistrict(300);
 * layout.schools.map((school) => school.band); // ["elementary", "middle", "high"]
 */
export function planDistrict(students: number): DistrictLayout {
  if (!Number.isSafeInteger(students) || students < 1) {
    throw new Error(`students must be a positive integer, got ${students}`);
  }
  const schoolCount = Math.max(MIN_SCHOOLS, Math.round(students / STUDENTS_PER_SCHOOL));
  const schools: School[] = [];
  let firstTeacher = 0;
  for (let index = 0; index < schoolCount; index += 1) {
    const band = BAND_ROTATION[index % BAND_ROTATION.length] as Band;
    const firstStudent = share(students, schoolCount, index);
    const count = share(students, schoolCount, index + 1) - firstStudent;
    const teachers = Math.max(1, Math.round(count / STUDENTS_PER_TEACHER));
    const school: School = {
      index,
      band,
      grades: BAND_GRADES[band],
      firstStudent,
      students: count,
      cohorts: [],
      firstTeacher,
      teachers,
    };
    school.cohorts = planCohorts(school);
    schools.push(school);
    firstTeacher += teachers;
  }

  return { schools };
}

function planCohorts(school: School): Cohort[] {
  const cohorts: Cohort[] = [];
  let firstClass = 0;
  school.grades.forEach((grade, index) => {
    const firstStudent = school.firstStudent + share(school.students, school.grades.length, index);
    const next = school.firstStudent + share(school.students, school.grades.length, index + 1);
    const sections = Math.ceil((next - firstStudent) / CLASS_SIZE);
    cohorts.push({
      school,
      grade,
      firstStudent,
      students: next - firstStudent,
      sections,
      firstClass,
    });
    firstClass += sections * SLOTS.length;
  });
  return cohorts;
}

/** Start of part `index` when `total` is cut into `parts` near-equal parts. */
function share(total: number, parts: number, index: number): number {
  return Math.floor((total * index) / parts);
}

/** A student with the cohort and section that fix all seven of their classes. */
export interface PlacedStudent {
  student: number;
  cohort: Cohort;
  section: number;
}

/** Every student in index order, with where they sit. */
export function* eachStudent(layout: DistrictLayout): Generator<PlacedStudent> {
  for (const school of layout.schools) {
    for (const cohort of school.cohorts) {
      for (let k = 0; k < cohort.students; k += 1) {
        yield { student: cohort.firstStudent + k, cohort, section: k % cohort.sections };
      }
    }
  }
}

/** One class: the cohort's section `section` taking slot `slot` (a subject or homeroom). */
export interface PlacedClass {
  cohort: Cohort;
  slot: number;
  section: number;
  /** The class's one primary teacher: a school's classes go round its teachers in turn. */
  teacher: number;
}

/** Every class, school by school, cohort by cohort, slot by slot. */
export function* eachClass(layout: DistrictLayout): Generator<PlacedClass> {
  for (const school of layout.schools) {
    for (const cohort of school.cohorts) {
      for (let slot = 0; slot < SLOTS.length; slot += 1) {
        for (let section = 0; section < cohort.sections; section += 1) {
          const classInSchool = cohort.firstClass + slot * cohort.sections + section;
          const teacher = school.firstTeacher + (classInSchool % school.teachers);
          yield { cohort, slot, section, teacher };
        }
      }
    }
  }
}

/** Every teacher in index order, with their school. */
export function* eachTeacher(
  layout: DistrictLayout,
): Generator<{ teacher: number; school: School }> {
  for (const school of layout.schools) {
    for (let k = 0; k < school.teachers; k += 1) yield { teacher: school.firstTeacher + k, school };
  }
}
