import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { entityOfFile } from "../../../src/entities/index.ts";
import { ALL_OPERATIONS } from "../../../src/oneroster/routes/index.ts";
import { scratchDir } from "../../support/packages.ts";
import { readAll } from "../../unit/csv-read/package-helpers.ts";
import type { Viewer } from "./two-districts.ts";

/** The entity each OneRoster envelope key of every service carries (`students` → `user`). */
const ENTITY_OF_ENVELOPE = new Map(
  ALL_OPERATIONS.map((operation) => [operation.envelopeKey, operation.entity as string]),
);

/** Every object in a JSON body, nested ones included. */
function* objectsIn(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) yield* objectsIn(item);
  else if (typeof value === "object" && value !== null) {
    yield value as Record<string, unknown>;
    for (const item of Object.values(value)) yield* objectsIn(item);
  }
}

/**
 * What a JSON body serves that `viewer` may not be served, as readable lines (empty when
 * nothing): a record outside what it may see, a record tagged with another tenant, a sourcedId
 * its tenant does not hold, a GUIDRef to a record it may not be referred to.
 */
export function foreignInJson(viewer: Viewer, body: unknown): string[] {
  const found: string[] = [];
  if (typeof body !== "object" || body === null) return found;
  for (const [key, payload] of Object.entries(body)) {
    const entity = ENTITY_OF_ENVELOPE.get(key);
    const records = Array.isArray(payload) ? payload : [payload];
    for (const record of records as Record<string, unknown>[]) {
      const visible = entity === undefined ? undefined : viewer.visible.get(entity);
      if (visible !== undefined && !visible.has(String(record?.sourcedId)))
        found.push(`${entity} ${String(record?.sourcedId)} outside what ${viewer.name} may see`);
    }
  }
  for (const object of objectsIn(body)) {
    const tag = (object.metadata as { tenant?: string } | undefined)?.tenant;
    if (tag !== undefined && !viewer.name.startsWith(tag))
      found.push(`${String(object.sourcedId)} tagged ${tag}`);
    if (typeof object.sourcedId !== "string") continue;
    if (!viewer.tenantIds.has(object.sourcedId))
      found.push(`${String(object.type ?? "record")} ${object.sourcedId} not in the tenant`);
    const referable = typeof object.href === "string" && viewer.referable.get(String(object.type));
    if (referable && !referable.has(object.sourcedId))
      found.push(
        `reference to ${String(object.type)} ${object.sourcedId}, outside what ${viewer.name} may see`,
      );
  }
  return found;
}

/**
 * The type a `…SourcedId(s)` column refers to, as GUIDRefs name it. The first match wins, so
 * `schoolYearSourcedId` is a session before `school…` is an org.
 */
const REFERENCE_TYPES: [RegExp, string][] = [
  [/^(term|schoolYear|academicSession)/, "academicSession"],
  [/^(org|school)/, "org"],
  [/^userProfile/, "userProfile"],
  [/^(user|agent|student|teacher)/, "user"],
  [/^class/, "class"],
  [/^course/, "course"],
];
const referenceType = (entity: string, column: string) =>
  column.startsWith("parent")
    ? entity
    : REFERENCE_TYPES.find(([pattern]) => pattern.test(column))?.[1];

/** Every sourcedId a CSV record refers to, by `…SourcedId(s)` column, with the type it names. */
function references(entity: string, values: Record<string, unknown>) {
  return Object.entries(values)
    .filter(([column]) => /sourcedids?$/i.test(column) && column !== "sourcedId")
    .flatMap(([column, value]) =>
      (Array.isArray(value) ? value : value == null ? [] : [value])
        .flatMap((item) => String(item).split(","))
        .filter((id) => id !== "")
        .map((id) => ({ id, type: referenceType(entity, column) })),
    );
}

/** The same for a OneRoster zip export: every row of every file, references included. */
export async function foreignInPackage(viewer: Viewer, zip: ArrayBuffer): Promise<string[]> {
  const path = join(scratchDir(), "export.zip");
  writeFileSync(path, Buffer.from(zip));
  const { rows } = await readAll(path);
  if (rows.length === 0) return ["the package holds no rows"];
  const found: string[] = [];
  for (const { record } of rows) {
    const entity = entityOfFile(record.file).name;
    const own = String(record.values.sourcedId);
    const visible = viewer.visible.get(entity);
    if (visible !== undefined && !visible.has(own))
      found.push(`${record.file}.csv ${own} outside what ${viewer.name} may see`);
    const tag = record.metadata.tenant;
    if (tag !== undefined && !viewer.name.startsWith(String(tag)))
      found.push(`${record.file}.csv ${own} tagged ${String(tag)}`);
    for (const { id, type } of references(entity, record.values)) {
      const referable = type === undefined ? undefined : viewer.referable.get(type);
      if (!viewer.tenantIds.has(id) || (referable && !referable.has(id)))
        found.push(`${record.file}.csv ${own} names ${type ?? "record"} ${id}`);
    }
  }
  return found;
}
