import type { CsvRecord } from "../entities/csv-record.ts";
import {
  classId,
  classResourceId,
  courseId,
  courseResourceId,
  resourceId,
  schoolId,
  teacherId,
  userResourceId,
} from "./ids.ts";
import { eachClass, eachTeacher } from "./layout.ts";
import type { DistrictPlan } from "./plan.ts";
import { row } from "./row.ts";
import { SCHEDULED_SLOTS, slotAt } from "./vocabulary.ts";

const TOOLKIT = "toolkit";

/** A digital textbook per subject, and a toolkit for teachers. */
export function* resources(): Generator<CsvRecord> {
  for (let slot = 0; slot < SCHEDULED_SLOTS; slot += 1) {
    const { code, title } = slotAt(slot);
    yield row("resources", {
      sourcedId: resourceId(code),
      vendorResourceId: `tsa-${code}-core`,
      title: `${title} Digital Textbook`,
      roles: ["student", "teacher"],
      importance: "primary",
      vendorId: "tsa-content",
    });
  }
  yield row("resources", {
    sourcedId: resourceId(TOOLKIT),
    vendorResourceId: `tsa-${TOOLKIT}`,
    title: "Coach Teaching Toolkit",
    roles: ["teacher"],
    importance: "secondary",
    vendorId: "tsa-content",
  });
}

/** Each subject course links its subject's textbook. */
export function* courseResources(plan: DistrictPlan): Generator<CsvRecord> {
  for (const school of plan.layout.schools) {
    for (const cohort of school.cohorts) {
      for (let slot = 0; slot < SCHEDULED_SLOTS; slot += 1) {
        const courseSourcedId = courseId(cohort, slot);
        yield row("courseResources", {
          sourcedId: courseResourceId(courseSourcedId),
          title: slotAt(slot).title,
          courseSourcedId,
          resourceSourcedId: resourceId(slotAt(slot).code),
        });
      }
    }
  }
}

/** Each subject class links its subject's textbook too. */
export function* classResources(plan: DistrictPlan): Generator<CsvRecord> {
  for (const { cohort, slot, section } of eachClass(plan.layout)) {
    if (slot >= SCHEDULED_SLOTS) continue;
    const classSourcedId = classId(cohort, slot, section);
    yield row("classResources", {
      sourcedId: classResourceId(classSourcedId),
      title: slotAt(slot).title,
      classSourcedId,
      resourceSourcedId: resourceId(slotAt(slot).code),
    });
  }
}

/** Every teacher gets the toolkit through their school. */
export function* userResources(plan: DistrictPlan): Generator<CsvRecord> {
  for (const { teacher, school } of eachTeacher(plan.layout)) {
    const userSourcedId = teacherId(teacher);
    yield row("userResources", {
      sourcedId: userResourceId(userSourcedId),
      userSourcedId,
      orgSourcedId: schoolId(school.index),
      resourceSourcedId: resourceId(TOOLKIT),
    });
  }
}
