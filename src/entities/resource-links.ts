import { classResources, courseResources, userResources } from "../db/schema/index.ts";
import { defineEntity } from "./define-entity.ts";
import { ref, text } from "./field.ts";

/**
 * The links of resources to classes, courses and users. The REST binding has no entity for
 * them: they are served as the `resources` GUIDRefs of their class, course or user.
 */

export const classResourceEntity = defineEntity({
  name: "classResource",
  table: classResources,
  file: {
    name: "classResources",
    group: "resources",
    order: ["title", "classSourcedId", "resourceSourcedId"],
  },
  fields: {
    title: text(),
    class: ref("class", { required: true }),
    resource: ref("resource", { required: true }),
  },
});

export const courseResourceEntity = defineEntity({
  name: "courseResource",
  table: courseResources,
  file: {
    name: "courseResources",
    group: "resources",
    order: ["title", "courseSourcedId", "resourceSourcedId"],
  },
  fields: {
    title: text(),
    course: ref("course", { required: true }),
    resource: ref("resource", { required: true }),
  },
});

export const userResourceEntity = defineEntity({
  name: "userResource",
  table: userResources,
  file: {
    name: "userResources",
    group: "resources",
    order: ["userSourcedId", "orgSourcedId", "classSourcedId", "resourceSourcedId"],
  },
  fields: {
    user: ref("user", { required: true }),
    org: ref("org"),
    class: ref("class"),
    resource: ref("resource", { required: true }),
  },
});
