import {
  lineItemLearningObjectives,
  lineItemScoreScales,
  resultLearningObjectives,
  resultScoreScales,
} from "../db/schema/index.ts";
import { defineEntity } from "./define-entity.ts";
import { float, ref, text } from "./field.ts";

/**
 * The score scales and learning objectives of line items and results. The CSV binding gives each
 * a file; the REST binding serves them inside their line item or result.
 */

const guid = { kind: "guid" } as const;
const objectiveSource = { kind: "learningObjectiveSource" } as const;

export const lineItemScoreScaleEntity = defineEntity({
  name: "lineItemScoreScale",
  table: lineItemScoreScales,
  file: {
    name: "lineItemScoreScales",
    group: "gradebook",
    order: ["title", "lineItemSourcedId", "scoreScaleSourcedId"],
  },
  fields: {
    title: text(),
    lineItem: ref("lineItem", { required: true }),
    scoreScale: ref("scoreScale", { required: true }),
  },
});

export const lineItemLearningObjectiveEntity = defineEntity({
  name: "lineItemLearningObjective",
  table: lineItemLearningObjectives,
  file: {
    name: "lineItemLearningObjectiveIds",
    group: "gradebook",
    order: ["lineItemSourcedId", "source", "learningObjectiveId"],
  },
  fields: {
    lineItem: ref("lineItem", { required: true }),
    source: text({ required: true, csvFormat: objectiveSource }),
    learningObjectiveId: text({ required: true }),
  },
});

export const resultScoreScaleEntity = defineEntity({
  name: "resultScoreScale",
  table: resultScoreScales,
  file: {
    name: "resultScoreScales",
    group: "gradebook",
    order: ["title", "resultSourcedId", "scoreScaleSourcedId"],
  },
  fields: {
    title: text(),
    // Results are never referenced by GUIDRef, so the sourcedId is plain text here.
    result: text({
      column: "resultSourcedId",
      csv: "resultSourcedId",
      csvFormat: guid,
      required: true,
    }),
    scoreScale: ref("scoreScale", { required: true }),
  },
});

export const resultLearningObjectiveEntity = defineEntity({
  name: "resultLearningObjective",
  table: resultLearningObjectives,
  file: {
    name: "resultLearningObjectiveIds",
    group: "gradebook",
    order: ["resultSourcedId", "source", "learningObjectiveId", "score", "textScore"],
  },
  fields: {
    result: text({
      column: "resultSourcedId",
      csv: "resultSourcedId",
      csvFormat: guid,
      required: true,
    }),
    source: text({ required: true, csvFormat: objectiveSource }),
    learningObjectiveId: text({ required: true }),
    score: float(),
    textScore: text(),
  },
});
