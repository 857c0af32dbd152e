import { z } from "@hono/zod-openapi";
import { scoreScales } from "../db/schema/index.ts";
import { defineEntity } from "./define-entity.ts";
import { json, ref, text } from "./field.ts";

export const ScoreScaleValueDType = z
  .strictObject({ itemValueLHS: z.string(), itemValueRHS: z.string() })
  .openapi("ScoreScaleValueDType");

export const scoreScaleEntity = defineEntity({
  name: "scoreScale",
  table: scoreScales,
  wire: { component: "ScoreScaleDType", topLevel: true },
  file: {
    name: "scoreScales",
    group: "gradebook",
    order: [
      "title",
      "type",
      "orgSourcedId",
      "courseSourcedId",
      "classSourcedId",
      "scoreScaleValue",
    ],
  },
  fields: {
    title: text({ required: true }),
    type: text({ required: true }),
    course: ref("course", { required: "csv" }),
    class: ref("class", { required: true }),
    scoreScaleValue: json(z.array(ScoreScaleValueDType).min(1), {
      required: true,
      csvFormat: { kind: "scoreScaleValue" },
    }),
    org: ref("org", { required: "csv", wire: false }),
  },
});
