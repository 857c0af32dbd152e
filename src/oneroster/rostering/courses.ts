import { courseEntity } from "../../entities/index.ts";
import { defineReadModel } from "../read/index.ts";
import { resourceRefs } from "./linked-refs.ts";

export const courseReadModel = defineReadModel({
  entity: courseEntity,
  alias: "c",
  nested: [resourceRefs("course")],
});
