import { academicSessionEntity } from "./academic-session.ts";
import { assessmentLineItemEntity, assessmentResultEntity } from "./assessments.ts";
import { categoryEntity } from "./category.ts";
import { classEntity } from "./class.ts";
import { courseEntity } from "./course.ts";
import type { FileName } from "./csv-columns.ts";
import type { Entity, FileSpec } from "./define-entity.ts";
import { demographicsEntity } from "./demographics.ts";
import { enrollmentEntity } from "./enrollment.ts";
import {
  lineItemLearningObjectiveEntity,
  lineItemScoreScaleEntity,
  resultLearningObjectiveEntity,
  resultScoreScaleEntity,
} from "./gradebook-links.ts";
import { lineItemEntity } from "./line-item.ts";
import { orgEntity } from "./org.ts";
import { resourceEntity } from "./resource.ts";
import { classResourceEntity, courseResourceEntity, userResourceEntity } from "./resource-links.ts";
import { resultEntity } from "./result.ts";
import { roleEntity } from "./role.ts";
import { scoreScaleEntity } from "./score-scale.ts";
import { userEntity } from "./user.ts";
import { userProfileEntity } from "./user-profile.ts";

export * from "./academic-session.ts";
export * from "./assessments.ts";
export * from "./category.ts";
export * from "./class.ts";
export * from "./column-name.ts";
export * from "./course.ts";
export * from "./csv-columns.ts";
export * from "./csv-record.ts";
export * from "./define-entity.ts";
export * from "./demographics.ts";
export * from "./enrollment.ts";
export type { Field, WireLinks } from "./field.ts";
export * from "./gradebook-links.ts";
export * from "./guid-refs.ts";
export * from "./learning-objectives.ts";
export * from "./line-item.ts";
export * from "./org.ts";
export * from "./org-scope.ts";
export * from "./resource.ts";
export * from "./resource-links.ts";
export * from "./result.ts";
export * from "./role.ts";
export * from "./score-scale.ts";
export * from "./user.ts";
export * from "./user-profile.ts";
export * from "./wire-primitives.ts";

/**
 * The entity each CSV file holds, in load order: every file after the files its references
 * point into.
 */
export const FILE_ENTITIES = new Map<FileName, Entity>(
  [
    orgEntity,
    academicSessionEntity,
    courseEntity,
    classEntity,
    resourceEntity,
    userEntity,
    userProfileEntity,
    roleEntity,
    demographicsEntity,
    enrollmentEntity,
    classResourceEntity,
    courseResourceEntity,
    userResourceEntity,
    categoryEntity,
    scoreScaleEntity,
    lineItemEntity,
    lineItemScoreScaleEntity,
    lineItemLearningObjectiveEntity,
    resultEntity,
    resultScoreScaleEntity,
    resultLearningObjectiveEntity,
  ].map((entity) => [(entity.file as FileSpec).name, entity as unknown as Entity]),
);

/** Every entity of the three OneRoster services. */
export const ENTITIES: readonly Entity[] = [
  ...FILE_ENTITIES.values(),
  assessmentLineItemEntity as unknown as Entity,
  assessmentResultEntity as unknown as Entity,
];

/** The entity of a CSV file. */
export function entityOfFile(file: FileName): Entity {
  const entity = FILE_ENTITIES.get(file);
  if (entity === undefined) throw new Error(`no entity holds ${file}.csv`);
  return entity;
}
