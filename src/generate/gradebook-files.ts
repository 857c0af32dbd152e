import type { CsvRecord } from "../entities/csv-record.ts";
import { addDays } from "./calendar.ts";
import {
  categoryId,
  classId,
  courseId,
  lineItemId,
  resultId,
  schoolId,
  scoreScaleId,
  studentId,
} from "./ids.ts";
import { eachClass, eachStudent } from "./layout.ts";
import type { DistrictPlan } from "./plan.ts";
import { rowRandom, Stream } from "./random.ts";
import { row } from "./row.ts";
import { CATEGORIES, LETTER_GRADES, SCHEDULED_SLOTS, slotAt } from "./vocabulary.ts";

/** Homework, quizzes, tests and projects, with whole-number weights summing to 100. */
export function* categories(): Generator<CsvRecord> {
  for (const { code, title, weight } of CATEGORIES) {
    yield row("categories", { sourcedId: categoryId(code), title, weight });
  }
}

/** A letter-grade scale per school, attached to the school's first class as the binding requires. */
export function* scoreScales(plan: DistrictPlan): Generator<CsvRecord> {
  const scoreScaleValue = LETTER_GRADES.map(({ letter, minimum }) => ({
    itemValueLHS: letter,
    itemValueRHS: minimum,
  }));
  for (const school of plan.layout.schools) {
    const cohort = school.cohorts.find((candidate) => candidate.sections > 0);
    if (cohort === undefined) continue;
    yield row("scoreScales", {
      sourcedId: scoreScaleId(school.index),
      title: "Letter grades",
      type: "letter",
      orgSourcedId: schoolId(school.index),
      courseSourcedId: courseId(cohort, 0),
      classSourcedId: classId(cohort, 0, 0),
      scoreScaleValue,
    });
  }
}

/** `lineItemsPerClass` per subject class, spread over the grading periods and categories. */
export function* lineItems(plan: DistrictPlan): Generator<CsvRecord> {
  const schedule = lineItemSchedule(plan);
  for (const { cohort, slot, section } of eachClass(plan.layout)) {
    if (slot >= SCHEDULED_SLOTS) continue;
    const classSourcedId = classId(cohort, slot, section);
    for (let item = 0; item < plan.lineItemsPerClass; item += 1) {
      const category = CATEGORIES[item % CATEGORIES.length] ?? CATEGORIES[0];
      const dates = schedule(slot, item);
      yield row("lineItems", {
        sourcedId: lineItemId(classSourcedId, item),
        title: `${slotAt(slot).title}: ${category.title} ${item + 1}`,
        assignDate: dates.assignDate,
        dueDate: dates.dueDate,
        classSourcedId,
        categorySourcedId: categoryId(category.code),
        academicSessionSourcedId: dates.gradingPeriod,
        resultValueMin: 0,
        resultValueMax: 100,
        schoolSourcedId: schoolId(cohort.school.index),
      });
    }
  }
}

/** A result for every student on every line item of each subject class they take. */
export function* results(plan: DistrictPlan): Generator<CsvRecord> {
  const schedule = lineItemSchedule(plan);
  for (const { student, cohort, section } of eachStudent(plan.layout)) {
    const random = rowRandom(plan.seed, Stream.result, student);
    const studentSourcedId = studentId(student);
    for (let slot = 0; slot < SCHEDULED_SLOTS; slot += 1) {
      const classSourcedId = classId(cohort, slot, section);
      for (let item = 0; item < plan.lineItemsPerClass; item += 1) {
        const submitted = !random.chance(0.04);
        const score = random.int(55, 100);
        yield row("results", {
          sourcedId: resultId(student, slot, item),
          lineItemSourcedId: lineItemId(classSourcedId, item),
          studentSourcedId,
          scoreStatus: submitted ? "fully graded" : "not submitted",
          score: submitted ? score : undefined,
          scoreDate: schedule(slot, item).dueDate,
          textScore: submitted ? letterFor(score) : undefined,
          classSourcedId,
          late: submitted && random.chance(0.06),
          missing: !submitted,
        });
      }
    }
  }
}

interface LineItemDates {
  assignDate: string;
  dueDate: string;
  gradingPeriod: string;
}

/**
 * Dates of line item `item` of a subject: grading period `item mod 4`, a week or more in,
 * staggered by subject. Worked out once, since every result repeats its line item's due date.
 */
function lineItemSchedule(plan: DistrictPlan): (slot: number, item: number) => LineItemDates {
  const periods = plan.calendar.gradingPeriods;
  const table = Array.from({ length: SCHEDULED_SLOTS }, (_, slot) =>
    Array.from({ length: plan.lineItemsPerClass }, (_, item): LineItemDates => {
      const period = periods[item % periods.length] ?? plan.calendar.year;
      const start = addDays(period.startDate, 7 * (1 + Math.floor(item / periods.length)) + slot);
      const clamp = (date: string) => (date < period.endDate ? date : period.endDate);
      return {
        assignDate: clamp(start),
        dueDate: clamp(addDays(start, 7)),
        gradingPeriod: period.sourcedId,
      };
    }),
  );
  return (slot, item) => table[slot]?.[item] as LineItemDates;
}

function letterFor(score: number): string {
  const grade = LETTER_GRADES.find(({ minimum }) => score >= Number(minimum));
  return grade?.letter ?? "F";
}
