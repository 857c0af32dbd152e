import { z } from "@hono/zod-openapi";
import { floatSchema } from "./wire-primitives.ts";

/** The learning-objective types nested in line items and results (Gradebook service). */

/** A custom learning-objective source is `/token`, which must not shadow the two fixed ones. */
const CUSTOM_SOURCE_PATTERN = "^/(?!case$)(?!unknown$)[a-z0-9]+$";

const learningObjectiveSource = z.union([
  // Stated again for the document: RegExp#source would spell the slash `\/`.
  z.string().regex(new RegExp(CUSTOM_SOURCE_PATTERN)).openapi({ pattern: CUSTOM_SOURCE_PATTERN }),
  z.enum(["case", "unknown"]),
]);

export const LearningObjectiveSetDType = z
  .strictObject({
    source: learningObjectiveSource,
    learningObjectiveIds: z.array(z.string()).min(1),
  })
  .openapi("LearningObjectiveSetDType");

export const LearningObjectiveResultsDType = z
  .strictObject({
    learningObjectiveId: z.string(),
    score: floatSchema.optional(),
    textScore: z.string().optional(),
  })
  .openapi("LearningObjectiveResultsDType");

export const LearningObjectiveScoreSetDType = z
  .strictObject({
    source: learningObjectiveSource,
    learningObjectiveResults: z.array(LearningObjectiveResultsDType).min(1),
  })
  .openapi("LearningObjectiveScoreSetDType");
