import { sql } from "drizzle-orm";
import {
  code,
  columnsOf,
  defineReadModel,
  list,
  ref,
  refs,
  requiredText,
  text,
} from "../read/index.ts";
import { resourceRefs } from "./linked-refs.ts";

const k = columnsOf("k");

export const classReadModel = defineReadModel({
  entity: "class",
  table: "classes",
  alias: "k",
  fields: {
    title: requiredText("title"),
    classCode: text("class_code"),
    classType: code("class_type"),
    location: text("location"),
    grades: list("grades"),
    subjects: list("subjects"),
    course: ref("course", "course_sourced_id"),
    school: ref("org", "school_sourced_id"),
    terms: refs("academicSession", "term_sourced_ids"),
    subjectCodes: list("subject_codes"),
    periods: list("periods"),
  },
  nested: [resourceRefs("class_resources", "class_sourced_id")],
  restrict: (orgs) => sql`${k("school_sourced_id")} = any(${orgs})`,
});
