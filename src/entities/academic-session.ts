import { z } from "@hono/zod-openapi";
import { academicSessions } from "../db/schema/index.ts";
import { SESSION_TYPES } from "../kernel/vocabulary.ts";
import { defineEntity } from "./define-entity.ts";
import { code, date, nested, ref, text, year } from "./field.ts";
import { AcadSessionGUIDRefDType } from "./guid-refs.ts";

export const academicSessionEntity = defineEntity({
  name: "academicSession",
  table: academicSessions,
  wire: { component: "AcademicSessionDType", topLevel: true },
  file: {
    name: "academicSessions",
    group: "rostering",
    order: ["title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"],
  },
  fields: {
    title: text({ required: true }),
    startDate: date({ required: true }),
    endDate: date({ required: true }),
    type: code(SESSION_TYPES, { required: true }),
    parent: ref("academicSession"),
    children: nested(z.array(AcadSessionGUIDRefDType)),
    schoolYear: year({ required: true }),
  },
});
