import { z } from "@hono/zod-openapi";
import { orgs } from "../db/schema/index.ts";
import { ORG_TYPES } from "../kernel/vocabulary.ts";
import { defineEntity } from "./define-entity.ts";
import { code, nested, ref, text } from "./field.ts";
import { OrgGUIDRefDType } from "./guid-refs.ts";

export const orgEntity = defineEntity({
  name: "org",
  table: orgs,
  wire: { component: "OrgDType", topLevel: true },
  file: {
    name: "orgs",
    group: "rostering",
    order: ["name", "type", "identifier", "parentSourcedId"],
  },
  fields: {
    name: text({ required: true }),
    type: code(ORG_TYPES, { required: true }),
    identifier: text({ required: "wire" }),
    parent: ref("org"),
    children: nested(z.array(OrgGUIDRefDType)),
  },
});
