import { z } from "@hono/zod-openapi";
import { courses } from "../db/schema/index.ts";
import { defineEntity } from "./define-entity.ts";
import { list, nested, ref, text } from "./field.ts";
import { ResourceGUIDRefDType } from "./guid-refs.ts";

export const courseEntity = defineEntity({
  name: "course",
  table: courses,
  wire: { component: "CourseDType", topLevel: true },
  file: {
    name: "courses",
    group: "rostering",
    order: [
      "schoolYearSourcedId",
      "title",
      "courseCode",
      "grades",
      "orgSourcedId",
      "subjects",
      "subjectCodes",
    ],
  },
  fields: {
    title: text({ required: true }),
    schoolYear: ref("academicSession"),
    courseCode: text({ required: "wire" }),
    grades: list(),
    subjects: list(),
    org: ref("org", { required: "csv" }),
    subjectCodes: list(),
    resources: nested(z.array(ResourceGUIDRefDType)),
  },
});
