import type { SQL } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { EDFI_RESOURCES } from "../catalogue.ts";
import { availableChangeVersions } from "../changes/available-change-versions.ts";
import {
  DESCRIPTORS_CHANGE_VERSION,
  descriptorDocuments,
} from "../descriptors/descriptor-documents.ts";
import { DESCRIPTOR_NAMES, descriptorEndpoint } from "../descriptors/descriptor-sets.ts";
import { type DefaultId, MAPPING_DEFAULTS } from "../mapping/defaults.ts";
import { dependencies } from "../metadata/openapi.ts";
import {
  countDocuments,
  type DocumentSelection,
  type EdfiDocument,
  readDocuments,
} from "../read-documents.ts";
import type { EdfiResource } from "../resource.ts";
import { createJsonlZip } from "./jsonl-zip.ts";

/** What `manifest.json` in the zip says about the export. */
export interface EdfiManifest {
  dataModel: { name: "Ed-Fi"; version: string };
  generatedAt: string;
  /** The newest change version when the snapshot was taken: pass it as the next `sinceChangeVersion`. */
  changeVersion: number;
  /** Only records changed after this version are in the files; null for a full export. */
  sinceChangeVersion: number | null;
  /**
   * The Ed-Fi dependency order (the DS 5.1 `dependencies` metadata of what is served): each file
   * with its order and the operations it is loaded for at that order (a person is created at 3
   * and updated after its associations).
   */
  loadOrder: { order: number; file: string; operations: string[] }[];
  /** Records per file. */
  counts: Record<string, number>;
  /** Records served with a documented default, per default (resource and field). */
  defaults: Record<string, { resource: string; field: string; value: string; records: number }>;
}

export interface EdfiExportOptions {
  tenantId: string;
  /** Bound text[] of the orgs of a restricted client: only their records are exported. */
  orgs?: SQL | undefined;
  sinceChangeVersion?: number | undefined;
  /** Told the ids of each batch of a file's records before they are written (the disclosure log). */
  onRecords?: (file: string, ids: string[], last: boolean) => Promise<void>;
}

const DATA_MODEL_VERSION = "5.1.0";

/** The selection of an export: everything, or what changed after `sinceChangeVersion`. */
function selectionOf(
  options: EdfiExportOptions,
  onDefault: (id: DefaultId) => void,
): DocumentSelection {
  return {
    tenantId: options.tenantId,
    orgs: options.orgs,
    ...(options.sinceChangeVersion === undefined
      ? {}
      : { minChangeVersion: options.sinceChangeVersion + 1 }),
    onDefault,
  };
}

/** Whether the descriptor sets (fixed, at change version 0) are in the export, as the API would serve them. */
const descriptorsIn = (options: EdfiExportOptions) =>
  options.sinceChangeVersion === undefined ||
  DESCRIPTORS_CHANGE_VERSION >= options.sinceChangeVersion + 1;

/** How many records an export will hold, counted in the export's own snapshot. */
export async function countEdfiExport(
  tx: Transaction,
  options: EdfiExportOptions,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of DESCRIPTOR_NAMES) {
    counts[descriptorEndpoint(name)] = descriptorsIn(options)
      ? descriptorDocuments(name).length
      : 0;
  }
  const selection = selectionOf(options, () => {});
  for (const resource of EDFI_RESOURCES) {
    counts[resource.endpoint] = await countDocuments(tx, resource, selection);
  }
  return counts;
}

/**
 * Streams the tenant's Ed-Fi documents as a zip of JSON Lines, one `<endpoint>.jsonl` per
 * descriptor set and per resource, in load order (the documents the API serves, record for record) and `manifest.json`
 * last. Run it inside one repeatable-read transaction so the files are one snapshot.
 *
 * @example
 * const manifest = await withTenant(db, tenantId, (tx) => exportEdfi(tx, out, { tenantId }), { isolation: "repeatable read" });
 */
export async function exportEdfi(
  tx: Transaction,
  output: NodeJS.WritableStream,
  options: EdfiExportOptions,
): Promise<EdfiManifest> {
  const { newestChangeVersion } = await availableChangeVersions(tx);
  const zip = createJsonlZip(output);
  const used = new Map<DefaultId, number>();
  const selection = selectionOf(options, (id) => used.set(id, (used.get(id) ?? 0) + 1));
  const counts: Record<string, number> = {};
  for (const name of DESCRIPTOR_NAMES) {
    const endpoint = descriptorEndpoint(name);
    const documents = descriptorsIn(options) ? descriptorDocuments(name) : [];
    counts[`${endpoint}.jsonl`] = await zip.addJsonl(endpoint, documents);
  }
  for (const resource of EDFI_RESOURCES) {
    const file = `${resource.endpoint}.jsonl`;
    counts[file] = await zip.addJsonl(
      resource.endpoint,
      documents(tx, resource, selection, file, options),
    );
  }
  const manifest: EdfiManifest = {
    dataModel: { name: "Ed-Fi", version: DATA_MODEL_VERSION },
    generatedAt: new Date().toISOString(),
    changeVersion: newestChangeVersion,
    sinceChangeVersion: options.sinceChangeVersion ?? null,
    loadOrder: dependencies().map(({ resource, order, operations }) => ({
      order,
      file: `${resource.replace(/^\/ed-fi\//, "")}.jsonl`,
      operations,
    })),
    counts,
    defaults: Object.fromEntries(
      Object.entries(MAPPING_DEFAULTS).map(([id, value]) => [
        id,
        {
          resource: value.resource,
          field: value.field,
          value: value.value,
          records: used.get(id as DefaultId) ?? 0,
        },
      ]),
    ),
  };
  await zip.finish("manifest.json", manifest);
  return manifest;
}

async function* documents(
  tx: Transaction,
  resource: EdfiResource,
  selection: DocumentSelection,
  file: string,
  options: EdfiExportOptions,
): AsyncGenerator<EdfiDocument> {
  const batches = readDocuments(tx, resource, selection);
  let batch = await batches.next();
  while (!batch.done) {
    const next = await batches.next();
    await options.onRecords?.(
      file,
      batch.value.map((document) => document.id),
      next.done === true,
    );
    yield* batch.value;
    batch = next;
  }
}
