import {
  assessmentLineItemEntity,
  assessmentResultEntity,
  categoryEntity,
  lineItemEntity,
  resultEntity,
  scoreScaleEntity,
} from "../../entities/index.ts";
import { defineReadModel } from "../read/index.ts";
import { lineItemObjectives, resultObjectives, scoreScaleRef } from "./linked-sets.ts";

/** The Gradebook entities; their org restriction and filters follow from the entity modules. */

export const categoryReadModel = defineReadModel({ entity: categoryEntity, alias: "g" });

export const lineItemReadModel = defineReadModel({
  entity: lineItemEntity,
  alias: "li",
  nested: [scoreScaleRef("lineItem"), lineItemObjectives],
});

export const resultReadModel = defineReadModel({
  entity: resultEntity,
  alias: "rs",
  nested: [scoreScaleRef("result"), resultObjectives],
});

export const scoreScaleReadModel = defineReadModel({ entity: scoreScaleEntity, alias: "ss" });

export const assessmentLineItemReadModel = defineReadModel({
  entity: assessmentLineItemEntity,
  alias: "al",
});

export const assessmentResultReadModel = defineReadModel({
  entity: assessmentResultEntity,
  alias: "ar",
});
