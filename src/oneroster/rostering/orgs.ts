import { sql } from "drizzle-orm";
import { code, columnsOf, defineReadModel, ref, requiredText } from "../read/index.ts";
import { childRefs } from "./linked-refs.ts";

const o = columnsOf("o");

export const orgReadModel = defineReadModel({
  entity: "org",
  table: "orgs",
  alias: "o",
  fields: {
    name: requiredText("name"),
    type: code("type"),
    identifier: requiredText("identifier"),
    parent: ref("org", "parent_sourced_id"),
  },
  nested: [childRefs("orgs", "org")],
  subsets: { school: sql`${o("type")} = 'school'` },
  restrict: (orgs) => sql`${o("sourced_id")} = any(${orgs})`,
});
