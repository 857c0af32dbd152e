import { localEducationAgencies, schools } from "./mapping/ed-orgs.ts";
import type { EdfiResource } from "./resource.ts";

/**
 * Every resource served, in Ed-Fi load order (the ODS/API `dependencies` metadata of DS 5.1):
 * each after the resources its references point into.
 */
export const EDFI_RESOURCES: readonly EdfiResource[] = [localEducationAgencies, schools];

/** The resource of an endpoint name, or undefined. */
export const resourceOf = (endpoint: string) =>
  EDFI_RESOURCES.find((resource) => resource.endpoint === endpoint);
