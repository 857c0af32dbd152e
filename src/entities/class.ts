import { z } from "@hono/zod-openapi";
import { classes } from "../db/schema/index.ts";
import { CLASS_TYPES } from "../kernel/vocabulary.ts";
import { defineEntity } from "./define-entity.ts";
import { code, list, nested, ref, refs, text } from "./field.ts";
import { ResourceGUIDRefDType } from "./guid-refs.ts";

/** A class; its `terms` are mirrored by trigger into `class_terms`, which holds their keys. */
export const classEntity = defineEntity({
  name: "class",
  table: classes,
  wire: { component: "ClassDType", topLevel: true },
  file: {
    name: "classes",
    group: "rostering",
    order: [
      "title",
      "grades",
      "courseSourcedId",
      "classCode",
      "classType",
      "location",
      "schoolSourcedId",
      "termSourcedIds",
      "subjects",
      "subjectCodes",
      "periods",
    ],
  },
  fields: {
    title: text({ required: true }),
    classCode: text(),
    classType: code(CLASS_TYPES, { required: "csv" }),
    location: text(),
    grades: list(),
    subjects: list(),
    course: ref("course", { required: true }),
    school: ref("org", { required: true }),
    terms: refs("academicSession", { required: true }),
    subjectCodes: list(),
    periods: list(),
    resources: nested(z.array(ResourceGUIDRefDType)),
  },
});
