import { z } from "@hono/zod-openapi";
import { SCORE_STATUSES } from "../vocabulary.ts";
import {
  baseFields,
  dateSchema,
  dateTimeSchema,
  extensibleEnum,
  floatSchema,
  trueFalseSchema,
} from "./base.ts";
import {
  AcadSessionGUIDRefDType,
  AssessmentLineItemGUIDRefDType,
  CategoryGUIDRefDType,
  ClassGUIDRefDType,
  CourseGUIDRefDType,
  LineItemGUIDRefDType,
  OrgGUIDRefDType,
  ScoreScaleGUIDRefDType,
  UserGUIDRefDType,
} from "./guid-refs.ts";

/** Entities of the Gradebook service, Assessment Results included, and their nested types. */

/** Values contain spaces ("fully graded"), exactly as the official vocabulary spells them. */

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

export const ScoreScaleValueDType = z
  .strictObject({ itemValueLHS: z.string(), itemValueRHS: z.string() })
  .openapi("ScoreScaleValueDType");

export const CategoryDType = z
  .strictObject({ ...baseFields, title: z.string(), weight: floatSchema.optional() })
  .openapi("CategoryDType");
export type Category = z.infer<typeof CategoryDType>;

export const LineItemDType = z
  .strictObject({
    ...baseFields,
    title: z.string(),
    description: z.string().optional(),
    assignDate: dateTimeSchema,
    dueDate: dateTimeSchema,
    class: ClassGUIDRefDType,
    school: OrgGUIDRefDType,
    category: CategoryGUIDRefDType,
    gradingPeriod: AcadSessionGUIDRefDType.optional(),
    academicSession: AcadSessionGUIDRefDType.optional(),
    scoreScale: ScoreScaleGUIDRefDType.optional(),
    resultValueMin: floatSchema.optional(),
    resultValueMax: floatSchema.optional(),
    learningObjectiveSet: z.array(LearningObjectiveSetDType).optional(),
  })
  .openapi("LineItemDType");
export type LineItem = z.infer<typeof LineItemDType>;

/** Score fields shared by class results and assessment results. */
const scoreFields = {
  score: floatSchema.optional(),
  textScore: z.string().optional(),
  scoreDate: dateSchema,
  scoreStatus: extensibleEnum(SCORE_STATUSES),
  comment: z.string().optional(),
  learningObjectiveSet: z.array(LearningObjectiveScoreSetDType).optional(),
  inProgress: trueFalseSchema.optional(),
  incomplete: trueFalseSchema.optional(),
  late: trueFalseSchema.optional(),
  missing: trueFalseSchema.optional(),
};

export const ResultDType = z
  .strictObject({
    ...baseFields,
    lineItem: LineItemGUIDRefDType,
    student: UserGUIDRefDType,
    class: ClassGUIDRefDType.optional(),
    scoreScale: ScoreScaleGUIDRefDType.optional(),
    ...scoreFields,
  })
  .openapi("ResultDType");
export type Result = z.infer<typeof ResultDType>;

export const ScoreScaleDType = z
  .strictObject({
    ...baseFields,
    title: z.string(),
    type: z.string(),
    course: CourseGUIDRefDType.optional(),
    class: ClassGUIDRefDType,
    scoreScaleValue: z.array(ScoreScaleValueDType).min(1),
  })
  .openapi("ScoreScaleDType");
export type ScoreScale = z.infer<typeof ScoreScaleDType>;

export const AssessmentLineItemDType = z
  .strictObject({
    ...baseFields,
    title: z.string(),
    description: z.string().optional(),
    class: ClassGUIDRefDType.optional(),
    parentAssessmentLineItem: AssessmentLineItemGUIDRefDType.optional(),
    scoreScale: ScoreScaleGUIDRefDType.optional(),
    resultValueMin: floatSchema.optional(),
    resultValueMax: floatSchema.optional(),
    learningObjectiveSet: z.array(LearningObjectiveSetDType).optional(),
  })
  .openapi("AssessmentLineItemDType");
export type AssessmentLineItem = z.infer<typeof AssessmentLineItemDType>;

export const AssessmentResultDType = z
  .strictObject({
    ...baseFields,
    assessmentLineItem: AssessmentLineItemGUIDRefDType,
    student: UserGUIDRefDType,
    scoreScale: ScoreScaleGUIDRefDType.optional(),
    scorePercentile: floatSchema.optional(),
    ...scoreFields,
  })
  .openapi("AssessmentResultDType");
export type AssessmentResult = z.infer<typeof AssessmentResultDType>;
