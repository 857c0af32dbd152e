import { z } from "@hono/zod-openapi";
import { RESOURCE_IMPORTANCE, RESOURCE_ROLES } from "../vocabulary.ts";
import { baseFields, extensibleEnum } from "./base.ts";

/** The one entity of the Resources service. */

export const ResourceDType = z
  .strictObject({
    ...baseFields,
    title: z.string().optional(),
    roles: z.array(extensibleEnum(RESOURCE_ROLES)).optional(),
    importance: z.enum(RESOURCE_IMPORTANCE).optional(),
    vendorResourceId: z.string(),
    vendorId: z.string().optional(),
    applicationId: z.string().optional(),
  })
  .openapi("ResourceDType");
export type Resource = z.infer<typeof ResourceDType>;
