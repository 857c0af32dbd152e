import {
  DESCRIPTOR_SETS,
  type DescriptorName,
  descriptorId,
  descriptorNamespace,
} from "./descriptor-sets.ts";

/**
 * When the served descriptor sets last changed: they are the DS 5.2 defaults shipped with the
 * gateway, so they carry one fixed time and change version 0 (no change query returns them
 * after a version greater than 0).
 */
export const DESCRIPTORS_MODIFIED = "2025-01-01T00:00:00.000Z";
export const DESCRIPTORS_CHANGE_VERSION = 0;

/** A descriptor value as the API serves it (`edFi_<descriptor>` of the descriptors export). */
export interface DescriptorDocument {
  id: string;
  codeValue: string;
  namespace: string;
  shortDescription: string;
  description?: string;
  _etag: string;
  _lastModifiedDate: string;
}

/** Every value of a descriptor set as documents, in the order of the DS 5.2 file. */
export function descriptorDocuments(name: DescriptorName): DescriptorDocument[] {
  return DESCRIPTOR_SETS[name].map((value) => ({
    id: descriptorId(name, value.codeValue),
    codeValue: value.codeValue,
    namespace: descriptorNamespace(name),
    shortDescription: value.shortDescription,
    ...(value.description === undefined ? {} : { description: value.description }),
    _etag: String(DESCRIPTORS_CHANGE_VERSION),
    _lastModifiedDate: DESCRIPTORS_MODIFIED,
  }));
}
