import { ENTITY_WIRE } from "../wire/envelopes.ts";
import type { EntityTarget, OperationKind, PathParent, Subset } from "./operation-types.ts";

/** Short summaries and descriptions of the generated operations, for the OpenAPI documents. */

const SUBSET_NOTES: Record<Subset, string> = {
  school: " Only orgs of type school.",
  student: " Only users with a student role.",
  teacher: " Only users with a teacher role.",
  term: " Academic sessions of type term or semester: the sessions a class's terms name.",
  gradingPeriod: " Only academic sessions of type gradingPeriod.",
};

const label = (target: EntityTarget) => target.subset ?? target.entity;

export const summaryOf = (operationId: string) => {
  const words = operationId.replace(/([A-Z])/g, " $1").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function descriptionOf(
  kind: OperationKind,
  target: EntityTarget,
  parents: readonly PathParent[],
) {
  const wire = ENTITY_WIRE[target.entity];
  const within = [...parents]
    .reverse()
    .map((parent) => `the ${label(parent)} {${parent.param}}`)
    .join(" in ");
  const subset = target.subset ? SUBSET_NOTES[target.subset] : "";
  switch (kind) {
    case "collection":
      return `Returns a page of ${label(target)} records as {"${wire.setKey}": […]}.${subset}`;
    case "nested-collection":
      return `Returns a page of the ${label(target)} records of ${within} as {"${wire.setKey}": […]}.${subset}`;
    case "item":
      return `Returns one ${label(target)} as {"${wire.singleKey}": {…}}.${subset}`;
    case "put":
      return `Creates or replaces the ${target.entity} whose sourcedId is in the path.`;
    case "post":
      return `Creates the ${target.entity} records of the body for ${within}; the server allocates their sourcedIds.`;
    case "delete":
      return `Deletes the ${target.entity}; delta readers still see it as tobedeleted.`;
  }
}
