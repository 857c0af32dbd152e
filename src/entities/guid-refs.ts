import { z } from "@hono/zod-openapi";

/**
 * GUIDRef variants. Each admits exactly one `type` token: a school is referenced as `org`,
 * a term as `academicSession` and a student as `user`, because 1.2 has no narrower types.
 */
function guidRef<const T extends string>(type: T, componentName: string) {
  return z
    .strictObject({ href: z.url(), sourcedId: z.string(), type: z.literal(type) })
    .openapi(componentName);
}

export const OrgGUIDRefDType = guidRef("org", "OrgGUIDRefDType");
export const AcadSessionGUIDRefDType = guidRef("academicSession", "AcadSessionGUIDRefDType");
export const CourseGUIDRefDType = guidRef("course", "CourseGUIDRefDType");
export const ClassGUIDRefDType = guidRef("class", "ClassGUIDRefDType");
export const UserGUIDRefDType = guidRef("user", "UserGUIDRefDType");
export const ResourceGUIDRefDType = guidRef("resource", "ResourceGUIDRefDType");
export const CategoryGUIDRefDType = guidRef("category", "CategoryGUIDRefDType");
export const LineItemGUIDRefDType = guidRef("lineItem", "LineItemGUIDRefDType");
export const ScoreScaleGUIDRefDType = guidRef("scoreScale", "ScoreScaleGUIDRefDType");
export const AssessmentLineItemGUIDRefDType = guidRef(
  "assessmentLineItem",
  "AssessmentLineItemGUIDRefDType",
);

export type GUIDRef<T extends string = string> = { href: string; sourcedId: string; type: T };

/** The `type` tokens of the official GUIDRef schemas. */
export type GuidRefType =
  | "org"
  | "academicSession"
  | "course"
  | "class"
  | "user"
  | "resource"
  | "category"
  | "lineItem"
  | "scoreScale"
  | "assessmentLineItem";

/** The GUIDRef schema of each type. */
export const GUID_REF_SCHEMAS = {
  org: OrgGUIDRefDType,
  academicSession: AcadSessionGUIDRefDType,
  course: CourseGUIDRefDType,
  class: ClassGUIDRefDType,
  user: UserGUIDRefDType,
  resource: ResourceGUIDRefDType,
  category: CategoryGUIDRefDType,
  lineItem: LineItemGUIDRefDType,
  scoreScale: ScoreScaleGUIDRefDType,
  assessmentLineItem: AssessmentLineItemGUIDRefDType,
} satisfies Record<GuidRefType, unknown>;
