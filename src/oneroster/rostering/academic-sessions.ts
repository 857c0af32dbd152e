import { sql } from "drizzle-orm";
import { academicSessionEntity } from "../../entities/index.ts";
import { defineReadModel } from "../read/index.ts";
import { childRefs } from "./linked-refs.ts";

/** Calendars are district-wide, so an org-restricted client sees all of them. */
export const academicSessionReadModel = defineReadModel({
  entity: academicSessionEntity,
  alias: "a",
  nested: [childRefs("academicSession")],
  subsets: (a) => ({
    // A class's `terms` are "terms or semesters" (binding), so both are served as terms.
    term: sql`${a("type")} in ('term', 'semester')`,
    gradingPeriod: sql`${a("type")} = 'gradingPeriod'`,
  }),
});
