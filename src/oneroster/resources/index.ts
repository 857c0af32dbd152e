import { sql } from "drizzle-orm";
import { classResources, courseResources, userResources } from "../../db/schema/index.ts";
import { resourceEntity } from "../../entities/index.ts";
import { defineReadModel, type ServiceDefinition } from "../read/index.ts";
import { classReadModel } from "../rostering/classes.ts";
import { courseReadModel } from "../rostering/courses.ts";
import { userReadModel } from "../rostering/users.ts";
import { RESOURCES_OPERATIONS } from "../routes/index.ts";

/** Resources are district-wide: an org-restricted client reads all of them. */
const resourceReadModel = defineReadModel({ entity: resourceEntity, alias: "rr" });

const LINKS = {
  classes: { table: classResources, owner: classResources.classSourcedId },
  courses: { table: courseResources, owner: courseResources.courseSourcedId },
  users: { table: userResources, owner: userResources.userSourcedId },
} as const;

/** The resources an active link ties to the class, course or user (the `resources` GUIDRefs). */
const linkedTo = (owner: keyof typeof LINKS) => (id: string) => {
  const { table, owner: ownerColumn } = LINKS[owner];
  return sql`exists (select 1 from ${table}
      where ${table.tenantId} = ${resourceReadModel.column("tenantId")}
        and ${table.resourceSourcedId} = ${resourceReadModel.column("sourcedId")}
        and ${ownerColumn} = ${id} and ${table.status} = 'active')`;
};

/** The Resources service: the 5 reads of the official file. */
export const RESOURCES_SERVICE: ServiceDefinition = {
  service: "resources",
  operations: RESOURCES_OPERATIONS,
  models: {
    resource: resourceReadModel,
    class: classReadModel,
    course: courseReadModel,
    user: userReadModel,
  },
  relations: {
    "classes/resources": linkedTo("classes"),
    "courses/resources": linkedTo("courses"),
    "users/resources": linkedTo("users"),
  },
};
