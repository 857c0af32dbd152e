import { z } from "@hono/zod-openapi";
import { lineItems } from "../db/schema/index.ts";
import { defineEntity } from "./define-entity.ts";
import { dayTime, float, nested, ref, text } from "./field.ts";
import { AcadSessionGUIDRefDType, ScoreScaleGUIDRefDType } from "./guid-refs.ts";
import { LearningObjectiveSetDType } from "./learning-objectives.ts";

/**
 * A gradebook column. Its score scale and learning objectives are rows of their own
 * (`lineItemScoreScales`, `lineItemLearningObjectiveIds`); a 1.1 line item names no school and
 * takes its class's (migration 0013).
 */
export const lineItemEntity = defineEntity({
  name: "lineItem",
  table: lineItems,
  wire: { component: "LineItemDType", topLevel: true },
  file: {
    name: "lineItems",
    group: "gradebook",
    order: [
      "title",
      "description",
      "assignDate",
      "dueDate",
      "classSourcedId",
      "categorySourcedId",
      "academicSessionSourcedId",
      "resultValueMin",
      "resultValueMax",
      "schoolSourcedId",
    ],
  },
  fields: {
    title: text({ required: true }),
    description: text(),
    assignDate: dayTime({ required: true }),
    dueDate: dayTime({ required: true }),
    class: ref("class", { required: true }),
    school: ref("org", { required: true }),
    category: ref("category", { required: true }),
    gradingPeriod: nested(AcadSessionGUIDRefDType),
    academicSession: ref("academicSession", { required: "csv" }),
    scoreScale: nested(ScoreScaleGUIDRefDType),
    resultValueMin: float(),
    resultValueMax: float(),
    learningObjectiveSet: nested(z.array(LearningObjectiveSetDType)),
  },
});
