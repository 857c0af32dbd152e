import type { ServiceDefinition } from "../read/index.ts";
import { ROSTERING_OPERATIONS } from "../routes/index.ts";
import { academicSessionReadModel } from "./academic-sessions.ts";
import { classReadModel } from "./classes.ts";
import { courseReadModel } from "./courses.ts";
import { demographicsReadModel } from "./demographics.ts";
import { enrollmentReadModel } from "./enrollments.ts";
import { orgReadModel } from "./orgs.ts";
import { ROSTERING_RELATIONS } from "./relations.ts";
import { userReadModel } from "./users.ts";

/** The Rostering service: all 41 reads of the official file, over the rostering tables. */
export const ROSTERING_SERVICE: ServiceDefinition = {
  service: "rostering",
  operations: ROSTERING_OPERATIONS,
  models: {
    org: orgReadModel,
    academicSession: academicSessionReadModel,
    course: courseReadModel,
    class: classReadModel,
    user: userReadModel,
    enrollment: enrollmentReadModel,
    demographics: demographicsReadModel,
  },
  relations: ROSTERING_RELATIONS,
};
