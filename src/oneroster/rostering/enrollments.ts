import { sql } from "drizzle-orm";
import { code, columnsOf, date, defineReadModel, flag, ref } from "../read/index.ts";

const e = columnsOf("e");

export const enrollmentReadModel = defineReadModel({
  entity: "enrollment",
  table: "enrollments",
  alias: "e",
  fields: {
    user: ref("user", "user_sourced_id"),
    class: ref("class", "class_sourced_id"),
    school: ref("org", "school_sourced_id"),
    role: code("role"),
    primary: flag("primary"),
    beginDate: date("begin_date"),
    endDate: date("end_date"),
  },
  restrict: (orgs) => sql`${e("school_sourced_id")} = any(${orgs})`,
});
