import { sql } from "drizzle-orm";
import { code, columnsOf, date, defineReadModel, ref, requiredText } from "../read/index.ts";
import { childRefs } from "./linked-refs.ts";

const a = columnsOf("a");

/** Calendars are district-wide, so an org-restricted client sees all of them. */
export const academicSessionReadModel = defineReadModel({
  entity: "academicSession",
  table: "academic_sessions",
  alias: "a",
  fields: {
    title: requiredText("title"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    type: code("type"),
    parent: ref("academicSession", "parent_sourced_id"),
    schoolYear: requiredText("school_year"),
  },
  nested: [childRefs("academic_sessions", "academicSession")],
  subsets: {
    // A class's `terms` are "terms or semesters" (binding), so both are served as terms.
    term: sql`${a("type")} in ('term', 'semester')`,
    gradingPeriod: sql`${a("type")} = 'gradingPeriod'`,
  },
});
