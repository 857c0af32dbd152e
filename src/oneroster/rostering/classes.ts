import { classEntity } from "../../entities/index.ts";
import { defineReadModel } from "../read/index.ts";
import { resourceRefs } from "./linked-refs.ts";

export const classReadModel = defineReadModel({
  entity: classEntity,
  alias: "k",
  nested: [resourceRefs("class")],
});
