import type { ServiceDefinition } from "../read/index.ts";
import { academicSessionReadModel } from "../rostering/academic-sessions.ts";
import { classReadModel } from "../rostering/classes.ts";
import { orgReadModel } from "../rostering/orgs.ts";
import { userReadModel } from "../rostering/users.ts";
import { GRADEBOOK_OPERATIONS } from "../routes/index.ts";
import {
  assessmentLineItemReadModel,
  assessmentResultReadModel,
  categoryReadModel,
  lineItemReadModel,
  resultReadModel,
  scoreScaleReadModel,
} from "./read-models.ts";
import { GRADEBOOK_RELATIONS } from "./relations.ts";

/**
 * The Gradebook service: the 35 operations of the official file. Classes, schools, academic sessions
 * and students appear only as parents in paths, read through the Rostering models.
 */
export const GRADEBOOK_SERVICE: ServiceDefinition = {
  service: "gradebook",
  operations: GRADEBOOK_OPERATIONS,
  models: {
    category: categoryReadModel,
    lineItem: lineItemReadModel,
    result: resultReadModel,
    scoreScale: scoreScaleReadModel,
    assessmentLineItem: assessmentLineItemReadModel,
    assessmentResult: assessmentResultReadModel,
    class: classReadModel,
    academicSession: academicSessionReadModel,
    org: orgReadModel,
    user: userReadModel,
  },
  relations: GRADEBOOK_RELATIONS,
};
