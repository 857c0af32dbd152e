import { enrollments } from "../db/schema/index.ts";
import { ENROLLMENT_ROLES } from "../kernel/vocabulary.ts";
import { defineEntity } from "./define-entity.ts";
import { code, date, flag, ref } from "./field.ts";

export const enrollmentEntity = defineEntity({
  name: "enrollment",
  table: enrollments,
  wire: { component: "EnrollmentDType", topLevel: true },
  file: {
    name: "enrollments",
    group: "rostering",
    order: [
      "classSourcedId",
      "schoolSourcedId",
      "userSourcedId",
      "role",
      "primary",
      "beginDate",
      "endDate",
    ],
  },
  fields: {
    user: ref("user", { required: true }),
    class: ref("class", { required: true }),
    school: ref("org", { required: true }),
    role: code(ENROLLMENT_ROLES, { required: true }),
    // Optional in the schema, but strict clients fail on enrollments without it.
    primary: flag({ alwaysSent: true }),
    beginDate: date(),
    endDate: date(),
  },
});
