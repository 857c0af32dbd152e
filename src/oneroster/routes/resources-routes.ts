import { defineOperations } from "./define-operations.ts";

/** The 5 operations of the official Resources service file. */
export const RESOURCES_OPERATIONS = defineOperations("resources", [
  {
    scopes: ["resource.readonly", "resource-core.readonly"],
    operations: [
      ["GET", "/resources", "getAllResources"],
      ["GET", "/resources/{sourcedId}", "getResource"],
    ],
  },
  {
    scopes: ["resource.readonly"],
    operations: [
      ["GET", "/classes/{classSourcedId}/resources", "getResourcesForClass"],
      ["GET", "/courses/{courseSourcedId}/resources", "getResourcesForCourse"],
      ["GET", "/users/{userSourcedId}/resources", "getResourcesForUser"],
    ],
  },
]);
