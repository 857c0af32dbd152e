import { z } from "@hono/zod-openapi";
import {
  AcademicSessionDType,
  AssessmentLineItemDType,
  AssessmentResultDType,
  CategoryDType,
  ClassDType,
  CourseDType,
  DemographicsDType,
  EnrollmentDType,
  LineItemDType,
  OrgDType,
  ResourceDType,
  ResultDType,
  ScoreScaleDType,
  UserDType,
} from "./entity-schemas.ts";

/**
 * The Single and Set envelopes of every entity, keyed by entity name (= the Single key). PUT
 * bodies are the Single envelope and POST bodies the Set envelope, so these also serve as
 * request bodies.
 */

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function entityWire<const S extends string, const P extends string, E extends z.ZodType>(
  singleKey: S,
  setKey: P,
  schema: E,
  setComponentStem: string = capitalize(singleKey),
) {
  return {
    schema,
    singleKey,
    setKey,
    single: z
      .strictObject({ [singleKey]: schema } as Record<S, E>)
      .openapi(`Single${capitalize(singleKey)}DType`),
    // Set envelopes require nothing; servers still always send the key, `[]` when empty.
    set: z
      .strictObject({ [setKey]: z.array(schema).optional() } as Record<
        P,
        z.ZodOptional<z.ZodArray<E>>
      >)
      .openapi(`${setComponentStem}SetDType`),
  };
}

export const ENTITY_WIRE = {
  org: entityWire("org", "orgs", OrgDType),
  academicSession: entityWire("academicSession", "academicSessions", AcademicSessionDType),
  course: entityWire("course", "courses", CourseDType),
  class: entityWire("class", "classes", ClassDType),
  user: entityWire("user", "users", UserDType),
  enrollment: entityWire("enrollment", "enrollments", EnrollmentDType),
  // The official Single envelope keeps the plural-looking key `demographics`.
  demographics: entityWire("demographics", "demographics", DemographicsDType),
  category: entityWire("category", "categories", CategoryDType, "Categories"),
  lineItem: entityWire("lineItem", "lineItems", LineItemDType),
  result: entityWire("result", "results", ResultDType),
  scoreScale: entityWire("scoreScale", "scoreScales", ScoreScaleDType),
  assessmentLineItem: entityWire(
    "assessmentLineItem",
    "assessmentLineItems",
    AssessmentLineItemDType,
  ),
  assessmentResult: entityWire("assessmentResult", "assessmentResults", AssessmentResultDType),
  resource: entityWire("resource", "resources", ResourceDType),
};

export type EntityName = keyof typeof ENTITY_WIRE;

export const GUIDPairDType = z
  .strictObject({ suppliedSourcedId: z.string(), allocatedSourcedId: z.string() })
  .openapi("GUIDPairDType");

/** The answer to a POST: which server sourcedId each client-supplied one became. */
export const GUIDPairSetDType = z
  .strictObject({ sourcedIdPairs: z.array(GUIDPairDType).optional() })
  .openapi("GUIDPairSetDType");
export type GUIDPairSet = z.infer<typeof GUIDPairSetDType>;
