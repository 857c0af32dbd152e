import { sql } from "drizzle-orm";
import { orgEntity } from "../../entities/index.ts";
import { defineReadModel } from "../read/index.ts";
import { childRefs } from "./linked-refs.ts";

export const orgReadModel = defineReadModel({
  entity: orgEntity,
  alias: "o",
  nested: [childRefs("org")],
  subsets: (o) => ({ school: sql`${o("type")} = 'school'` }),
});
