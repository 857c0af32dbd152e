import { categories } from "../db/schema/index.ts";
import { defineEntity } from "./define-entity.ts";
import { float, text } from "./field.ts";

export const categoryEntity = defineEntity({
  name: "category",
  table: categories,
  wire: { component: "CategoryDType", topLevel: true },
  file: { name: "categories", group: "gradebook", order: ["title", "weight"] },
  fields: {
    title: text({ required: true }),
    weight: float(),
  },
});
