import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  jsonb,
  type PgColumn,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { SCORE_STATUSES } from "../../kernel/vocabulary.ts";
import { academicSessions, classes, courses } from "./academic.ts";
import { entityColumns, entityConstraints, extensibleEnum, refersTo } from "./columns.ts";
import { orgs } from "./organizations.ts";
import { users } from "./users.ts";

export interface ScoreScaleValue {
  itemValueLHS: string;
  itemValueRHS: string;
}

export interface LearningObjectiveSet {
  source: string;
  learningObjectiveIds?: string[];
  learningObjectiveResults?: { learningObjectiveId: string; score?: number; textScore?: string }[];
}

const scoreRangeCheck = (table: string, min: PgColumn, max: PgColumn) =>
  check(`${table}_value_range_check`, sql`${min} is null or ${max} is null or ${min} <= ${max}`);

/** Score flags (inProgress, incomplete, late, missing) shared by results and assessment results. */
const resultFlags = () => ({
  inProgress: boolean(),
  incomplete: boolean(),
  late: boolean(),
  missing: boolean(),
});

export const categories = pgTable(
  "categories",
  {
    ...entityColumns(),
    title: text().notNull(),
    weight: doublePrecision(),
  },
  (t) => [...entityConstraints("categories", t)],
);

export const scoreScales = pgTable(
  "score_scales",
  {
    ...entityColumns(),
    title: text().notNull(),
    type: text().notNull(),
    orgSourcedId: text(),
    courseSourcedId: text(),
    classSourcedId: text().notNull(),
    scoreScaleValue: jsonb().$type<ScoreScaleValue[]>().notNull(),
  },
  (t) => [
    ...entityConstraints("score_scales", t),
    ...refersTo("score_scales_org", t.tenantId, t.orgSourcedId, orgs),
    ...refersTo("score_scales_course", t.tenantId, t.courseSourcedId, courses),
    ...refersTo("score_scales_class", t.tenantId, t.classSourcedId, classes),
    check(
      "score_scales_values_check",
      sql`jsonb_typeof(${t.scoreScaleValue}) = 'array' and jsonb_array_length(${t.scoreScaleValue}) > 0`,
    ),
  ],
);

export const lineItems = pgTable(
  "line_items",
  {
    ...entityColumns(),
    title: text().notNull(),
    description: text(),
    assignDate: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    dueDate: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    classSourcedId: text().notNull(),
    /**
     * Required by OneRoster. Left nullable only so that a 1.1 import, which names no school and
     * takes the class's, can report an unknown class by line instead of failing on NOT NULL;
     * the import's reference check refuses such rows, so no null is ever committed.
     */
    schoolSourcedId: text(),
    categorySourcedId: text().notNull(),
    academicSessionSourcedId: text(),
    resultValueMin: doublePrecision(),
    resultValueMax: doublePrecision(),
  },
  (t) => [
    ...entityConstraints("line_items", t),
    ...refersTo("line_items_class", t.tenantId, t.classSourcedId, classes),
    ...refersTo("line_items_school", t.tenantId, t.schoolSourcedId, orgs),
    ...refersTo("line_items_category", t.tenantId, t.categorySourcedId, categories),
    ...refersTo("line_items_session", t.tenantId, t.academicSessionSourcedId, academicSessions),
    scoreRangeCheck("line_items", t.resultValueMin, t.resultValueMax),
  ],
);

export const lineItemScoreScales = pgTable(
  "line_item_score_scales",
  {
    ...entityColumns(),
    title: text(),
    lineItemSourcedId: text().notNull(),
    scoreScaleSourcedId: text().notNull(),
  },
  (t) => [
    ...entityConstraints("line_item_score_scales", t),
    ...refersTo("line_item_score_scales_item", t.tenantId, t.lineItemSourcedId, lineItems),
    ...refersTo("line_item_score_scales_scale", t.tenantId, t.scoreScaleSourcedId, scoreScales),
  ],
);

export const lineItemLearningObjectives = pgTable(
  "line_item_learning_objectives",
  {
    ...entityColumns(),
    lineItemSourcedId: text().notNull(),
    source: text().notNull(),
    learningObjectiveId: text().notNull(),
  },
  (t) => [
    ...entityConstraints("line_item_learning_objectives", t),
    ...refersTo("line_item_objectives_item", t.tenantId, t.lineItemSourcedId, lineItems),
  ],
);

export const results = pgTable(
  "results",
  {
    ...entityColumns(),
    lineItemSourcedId: text().notNull(),
    studentSourcedId: text().notNull(),
    classSourcedId: text(),
    scoreStatus: text().notNull(),
    score: doublePrecision(),
    textScore: text(),
    scoreDate: date({ mode: "string" }).notNull(),
    comment: text(),
    ...resultFlags(),
  },
  (t) => [
    ...entityConstraints("results", t),
    ...refersTo("results_line_item", t.tenantId, t.lineItemSourcedId, lineItems),
    ...refersTo("results_student", t.tenantId, t.studentSourcedId, users),
    // A class's results are found through its line items.
    ...refersTo("results_class", t.tenantId, t.classSourcedId, classes, { indexed: false }),
    extensibleEnum("results_score_status_check", t.scoreStatus, SCORE_STATUSES),
  ],
);

export const resultScoreScales = pgTable(
  "result_score_scales",
  {
    ...entityColumns(),
    title: text(),
    resultSourcedId: text().notNull(),
    scoreScaleSourcedId: text().notNull(),
  },
  (t) => [
    ...entityConstraints("result_score_scales", t),
    ...refersTo("result_score_scales_result", t.tenantId, t.resultSourcedId, results),
    ...refersTo("result_score_scales_scale", t.tenantId, t.scoreScaleSourcedId, scoreScales),
  ],
);

export const resultLearningObjectives = pgTable(
  "result_learning_objectives",
  {
    ...entityColumns(),
    resultSourcedId: text().notNull(),
    source: text().notNull(),
    learningObjectiveId: text().notNull(),
    score: doublePrecision(),
    textScore: text(),
  },
  (t) => [
    ...entityConstraints("result_learning_objectives", t),
    ...refersTo("result_objectives_result", t.tenantId, t.resultSourcedId, results),
  ],
);

export const assessmentLineItems = pgTable(
  "assessment_line_items",
  {
    ...entityColumns(),
    title: text().notNull(),
    description: text(),
    classSourcedId: text(),
    parentSourcedId: text(),
    scoreScaleSourcedId: text(),
    resultValueMin: doublePrecision(),
    resultValueMax: doublePrecision(),
    learningObjectiveSet: jsonb().$type<LearningObjectiveSet[]>(),
  },
  (t) => [
    ...entityConstraints("assessment_line_items", t),
    ...refersTo("assessment_line_items_class", t.tenantId, t.classSourcedId, classes),
    ...refersTo("assessment_line_items_parent", t.tenantId, t.parentSourcedId, t),
    ...refersTo("assessment_line_items_scale", t.tenantId, t.scoreScaleSourcedId, scoreScales),
    scoreRangeCheck("assessment_line_items", t.resultValueMin, t.resultValueMax),
  ],
);

export const assessmentResults = pgTable(
  "assessment_results",
  {
    ...entityColumns(),
    assessmentLineItemSourcedId: text().notNull(),
    studentSourcedId: text().notNull(),
    score: doublePrecision(),
    textScore: text(),
    scoreDate: date({ mode: "string" }).notNull(),
    scoreScaleSourcedId: text(),
    scorePercentile: doublePrecision(),
    scoreStatus: text().notNull(),
    comment: text(),
    learningObjectiveSet: jsonb().$type<LearningObjectiveSet[]>(),
    ...resultFlags(),
  },
  (t) => [
    ...entityConstraints("assessment_results", t),
    ...refersTo(
      "assessment_results_item",
      t.tenantId,
      t.assessmentLineItemSourcedId,
      assessmentLineItems,
    ),
    ...refersTo("assessment_results_student", t.tenantId, t.studentSourcedId, users),
    ...refersTo("assessment_results_scale", t.tenantId, t.scoreScaleSourcedId, scoreScales),
    extensibleEnum("assessment_results_score_status_check", t.scoreStatus, SCORE_STATUSES),
    check(
      "assessment_results_percentile_check",
      sql`${t.scorePercentile} is null or ${t.scorePercentile} between 0 and 100`,
    ),
  ],
);

/** Final grades per student and course for a session: the transcript (Ed-Fi CourseTranscript). */
export const courseGrades = pgTable(
  "course_grades",
  {
    ...entityColumns(),
    studentSourcedId: text().notNull(),
    courseSourcedId: text().notNull(),
    classSourcedId: text(),
    sessionSourcedId: text().notNull(),
    finalLetterGrade: text(),
    finalNumericGrade: doublePrecision(),
    attemptedCredits: doublePrecision(),
    earnedCredits: doublePrecision(),
    courseAttemptResult: text({ enum: ["Pass", "Fail", "Incomplete", "Withdrawn"] }).notNull(),
  },
  (t) => [
    ...entityConstraints("course_grades", t),
    ...refersTo("course_grades_student", t.tenantId, t.studentSourcedId, users),
    ...refersTo("course_grades_course", t.tenantId, t.courseSourcedId, courses),
    ...refersTo("course_grades_class", t.tenantId, t.classSourcedId, classes),
    ...refersTo("course_grades_session", t.tenantId, t.sessionSourcedId, academicSessions),
    check(
      "course_grades_attempt_result_check",
      sql`${t.courseAttemptResult} in ('Pass','Fail','Incomplete','Withdrawn')`,
    ),
    check(
      "course_grades_credits_check",
      sql`${t.earnedCredits} is null or ${t.attemptedCredits} is null or ${t.earnedCredits} <= ${t.attemptedCredits}`,
    ),
  ],
);
