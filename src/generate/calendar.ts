import { gradingPeriodId, schoolYearId, semesterId } from "./ids.ts";

export interface Term {
  sourcedId: string;
  title: string;
  type: "schoolYear" | "semester" | "gradingPeriod";
  startDate: string;
  endDate: string;
  parentSourcedId?: string;
}

/** One school year: the year itself, two semesters, and two grading periods in each. */
export interface SchoolCalendar {
  /** The year the school year ends in, as OneRoster's `schoolYear` counts it. */
  schoolYear: number;
  year: Term;
  semesters: readonly Term[];
  gradingPeriods: readonly Term[];
}

/**
 * The calendar of the school year ending in `schoolYear`: mid-August to early June, split at the
 * winter break into semesters and again into quarter-long grading periods.
 *
 * @example
 * schoolCalendar(2026).year; // { sourcedId: "as-2026", title: "2025-2026", startDate: "2025-08-11", … }
 */
export function schoolCalendar(schoolYear: number): SchoolCalendar {
  const fall = schoolYear - 1;
  const year: Term = {
    sourcedId: schoolYearId(schoolYear),
    title: `${fall}-${schoolYear}`,
    type: "schoolYear",
    startDate: `${fall}-08-11`,
    endDate: `${schoolYear}-06-05`,
  };
  const semester = (n: number, startDate: string, endDate: string): Term => ({
    sourcedId: semesterId(schoolYear, n),
    title: `${year.title} Semester ${n}`,
    type: "semester",
    startDate,
    endDate,
    parentSourcedId: year.sourcedId,
  });
  const semesters = [
    semester(1, year.startDate, `${fall}-12-19`),
    semester(2, `${schoolYear}-01-05`, year.endDate),
  ];
  const period = (n: number, parent: Term, startDate: string, endDate: string): Term => ({
    sourcedId: gradingPeriodId(schoolYear, n),
    title: `${year.title} Quarter ${n}`,
    type: "gradingPeriod",
    startDate,
    endDate,
    parentSourcedId: parent.sourcedId,
  });
  const [first, second] = semesters as [Term, Term];
  const gradingPeriods = [
    period(1, first, first.startDate, `${fall}-10-10`),
    period(2, first, `${fall}-10-13`, first.endDate),
    period(3, second, second.startDate, `${schoolYear}-03-13`),
    period(4, second, `${schoolYear}-03-16`, second.endDate),
  ];
  return { schoolYear, year, semesters, gradingPeriods };
}

/**
 * The school year under way on `today` (or, in the summer, the one about to start), as
 * OneRoster's `schoolYear` counts it: a US school year runs from August to June, so from
 * July on it is the year that ends next June. Counted in UTC.
 *
 * @example
 * currentSchoolYear(new Date("2026-12-06")); // 2027
 * currentSchoolYear(new Date("2027-03-01")); // 2027
 */
export function currentSchoolYear(today: Date): number {
  const year = today.getUTCFullYear();
  return today.getUTCMonth() >= 6 ? year + 1 : year;
}

/**
 * A `YYYY-MM-DD` date moved by whole days, in UTC so no time zone or daylight change shifts it.
 *
 * @example
 * addDays("2026-02-27", 3); // "2026-03-02"
 */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Kindergarten is grade 0. @example gradeNumber("KG"); // 0 */
export function gradeNumber(grade: string): number {
  return grade === "KG" ? 0 : Number(grade);
}

/**
 * For each grade from kindergarten (0) to 12, the 365 birth dates that make a student the usual
 * age for that grade on the first day of school (turning 5 by September 1 for kindergarten).
 *
 * @example
 * birthDateWindows(2026)[0]?.[0]; // "2019-09-02"
 */
export function birthDateWindows(schoolYear: number): string[][] {
  return Array.from({ length: 13 }, (_, grade) => {
    const first = `${schoolYear - 7 - grade}-09-02`;
    return Array.from({ length: 365 }, (_, day) => addDays(first, day));
  });
}
