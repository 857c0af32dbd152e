import { resources } from "../db/schema/index.ts";
import { RESOURCE_IMPORTANCE, RESOURCE_ROLES } from "../kernel/vocabulary.ts";
import { defineEntity } from "./define-entity.ts";
import { code, list, text } from "./field.ts";
import { extensibleEnum } from "./wire-primitives.ts";

export const resourceEntity = defineEntity({
  name: "resource",
  table: resources,
  wire: { component: "ResourceDType", topLevel: true },
  file: {
    name: "resources",
    group: "resources",
    order: ["vendorResourceId", "title", "roles", "importance", "vendorId", "applicationId"],
  },
  fields: {
    title: text(),
    roles: list({ items: extensibleEnum(RESOURCE_ROLES) }),
    importance: code(RESOURCE_IMPORTANCE, { extensible: false }),
    vendorResourceId: text({ required: true }),
    vendorId: text(),
    applicationId: text(),
  },
});
