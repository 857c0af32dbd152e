import { z } from "@hono/zod-openapi";
import { results } from "../db/schema/index.ts";
import { defineEntity } from "./define-entity.ts";
import { nested, ref } from "./field.ts";
import { ScoreScaleGUIDRefDType } from "./guid-refs.ts";
import { LearningObjectiveScoreSetDType } from "./learning-objectives.ts";
import { SCORE_FIELDS, SCORE_FLAGS } from "./scores.ts";

/** A student's score on a line item; score scale and objective scores are rows of their own. */
export const resultEntity = defineEntity({
  name: "result",
  table: results,
  wire: { component: "ResultDType", topLevel: true },
  file: {
    name: "results",
    group: "gradebook",
    order: [
      "lineItemSourcedId",
      "studentSourcedId",
      "scoreStatus",
      "score",
      "scoreDate",
      "comment",
      "textScore",
      "classSourcedId",
      "inProgress",
      "incomplete",
      "late",
      "missing",
    ],
  },
  fields: {
    lineItem: ref("lineItem", { required: true }),
    student: ref("user", { required: true }),
    class: ref("class"),
    scoreScale: nested(ScoreScaleGUIDRefDType),
    ...SCORE_FIELDS,
    learningObjectiveSet: nested(z.array(LearningObjectiveScoreSetDType)),
    ...SCORE_FLAGS,
  },
});
