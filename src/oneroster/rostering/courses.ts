import { sql } from "drizzle-orm";
import { columnsOf, defineReadModel, list, ref, requiredText } from "../read/index.ts";
import { resourceRefs } from "./linked-refs.ts";

const c = columnsOf("c");

export const courseReadModel = defineReadModel({
  entity: "course",
  table: "courses",
  alias: "c",
  fields: {
    title: requiredText("title"),
    schoolYear: ref("academicSession", "school_year_sourced_id"),
    courseCode: requiredText("course_code"),
    grades: list("grades"),
    subjects: list("subjects"),
    org: ref("org", "org_sourced_id"),
    subjectCodes: list("subject_codes"),
  },
  nested: [resourceRefs("course_resources", "course_sourced_id")],
  restrict: (orgs) => sql`${c("org_sourced_id")} = any(${orgs})`,
});
