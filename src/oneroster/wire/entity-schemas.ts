import type { z } from "@hono/zod-openapi";
import {
  academicSessionEntity,
  assessmentLineItemEntity,
  assessmentResultEntity,
  categoryEntity,
  classEntity,
  courseEntity,
  demographicsEntity,
  type Entity,
  enrollmentEntity,
  lineItemEntity,
  orgEntity,
  resourceEntity,
  resultEntity,
  scoreScaleEntity,
  userEntity,
} from "../../entities/index.ts";

/** The REST schema an entity module declares. */
function schemaOf(entity: Pick<Entity, "name" | "wireSchema">): z.ZodObject {
  if (entity.wireSchema === undefined) throw new Error(`${entity.name} is not on the wire`);
  return entity.wireSchema;
}

/** The top-level entities of the three services, as the entity modules declare them. */
export const OrgDType = schemaOf(orgEntity);
export const AcademicSessionDType = schemaOf(academicSessionEntity);
export const CourseDType = schemaOf(courseEntity);
export const ClassDType = schemaOf(classEntity);
export const UserDType = schemaOf(userEntity);
export const EnrollmentDType = schemaOf(enrollmentEntity);
export const DemographicsDType = schemaOf(demographicsEntity);
export const CategoryDType = schemaOf(categoryEntity);
export const LineItemDType = schemaOf(lineItemEntity);
export const ResultDType = schemaOf(resultEntity);
export const ScoreScaleDType = schemaOf(scoreScaleEntity);
export const AssessmentLineItemDType = schemaOf(assessmentLineItemEntity);
export const AssessmentResultDType = schemaOf(assessmentResultEntity);
export const ResourceDType = schemaOf(resourceEntity);
