import { z } from "@hono/zod-openapi";
import { assessmentLineItems, assessmentResults } from "../db/schema/index.ts";
import { defineEntity } from "./define-entity.ts";
import { float, json, ref, text } from "./field.ts";
import {
  LearningObjectiveScoreSetDType,
  LearningObjectiveSetDType,
} from "./learning-objectives.ts";
import { SCORE_FIELDS, SCORE_FLAGS } from "./scores.ts";

/** Assessment line items and results (Gradebook service); the CSV binding has no file for them. */

export const assessmentLineItemEntity = defineEntity({
  name: "assessmentLineItem",
  table: assessmentLineItems,
  wire: { component: "AssessmentLineItemDType", topLevel: true },
  fields: {
    title: text({ required: true }),
    description: text(),
    class: ref("class"),
    parentAssessmentLineItem: ref("assessmentLineItem", { column: "parentSourcedId" }),
    scoreScale: ref("scoreScale"),
    resultValueMin: float(),
    resultValueMax: float(),
    learningObjectiveSet: json(z.array(LearningObjectiveSetDType)),
  },
});

export const assessmentResultEntity = defineEntity({
  name: "assessmentResult",
  table: assessmentResults,
  wire: { component: "AssessmentResultDType", topLevel: true },
  fields: {
    assessmentLineItem: ref("assessmentLineItem", { required: true }),
    student: ref("user", { required: true }),
    scoreScale: ref("scoreScale"),
    scorePercentile: float(),
    ...SCORE_FIELDS,
    learningObjectiveSet: json(z.array(LearningObjectiveScoreSetDType)),
    ...SCORE_FLAGS,
  },
});
