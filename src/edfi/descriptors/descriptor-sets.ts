import { createHash } from "node:crypto";
import DEFAULTS from "./ds-5.2-defaults.json" with { type: "json" };

/** One value of a descriptor set, as the DS 5.2 default descriptor files give it. */
export interface DescriptorValue {
  codeValue: string;
  shortDescription: string;
  description?: string;
}

/** The descriptor sets the Ed-Fi documents reference, by descriptor name (`GradeLevelDescriptor`). */
export type DescriptorName = keyof typeof DEFAULTS;

/** Namespace of the Ed-Fi default descriptors: `uri://ed-fi.org/<Descriptor>`. */
export const descriptorNamespace = (name: DescriptorName) => `uri://ed-fi.org/${name}`;

/**
 * A descriptor value as Ed-Fi documents carry it; a code value outside the served set is a
 * programming error (the mapping chose it), so it throws.
 *
 * @example
 * descriptorUri("GradeLevelDescriptor", "Ninth grade") // "uri://ed-fi.org/GradeLevelDescriptor#Ninth grade"
 */
export function descriptorUri(name: DescriptorName, codeValue: string): string {
  if (!hasCode(name, codeValue)) {
    throw new Error(`${name} has no code value ${codeValue}`);
  }
  return `${descriptorNamespace(name)}#${codeValue}`;
}

/**
 * Every descriptor set served, with its values: the DS 5.2 defaults (copied from
 * `fixtures/spec/edfi/ds-5.2-descriptors`; a test keeps them equal). Every value the mapping
 * produces is one of these, so no data-specific values are added.
 */
export const DESCRIPTOR_SETS: Readonly<Record<DescriptorName, readonly DescriptorValue[]>> =
  DEFAULTS;

/** Whether the set holds the code value. */
export const hasCode = (name: DescriptorName, codeValue: string) =>
  DESCRIPTOR_SETS[name].some((value) => value.codeValue === codeValue);

export const DESCRIPTOR_NAMES = Object.keys(DEFAULTS) as DescriptorName[];

/** The endpoint of a descriptor set: `GradeLevelDescriptor` → `gradeLevelDescriptors`. */
export const descriptorEndpoint = (name: DescriptorName) =>
  `${name.charAt(0).toLowerCase()}${name.slice(1)}s`;

/** A stable resource id for a descriptor value: a UUID derived from its URI. */
export function descriptorId(name: DescriptorName, codeValue: string): string {
  return createHash("md5")
    .update(`${descriptorNamespace(name)}#${codeValue}`)
    .digest("hex");
}
