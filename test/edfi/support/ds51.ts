import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";

const SPEC_DIR = join(import.meta.dirname, "../../../fixtures/spec/edfi/ds-5.1-odsapi-openapi");

export type OpenApiDocument = {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

/** One of the DS 5.1 ODS/API OpenAPI exports (`resources` or `descriptors`). */
export const ds51 = (name: "resources" | "descriptors"): OpenApiDocument =>
  JSON.parse(readFileSync(join(SPEC_DIR, `${name}-swagger.json`), "utf8")) as OpenApiDocument;

/**
 * The export's schemas, closed: every object schema that lists its properties refuses any
 * other, so a field the export does not define fails validation instead of passing unseen.
 */
function closed(document: OpenApiDocument): OpenApiDocument {
  for (const schema of Object.values(document.components.schemas)) {
    if (schema.type === "object" && schema.properties) schema.additionalProperties = false;
  }
  return document;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(closed(ds51("resources")), "resources");
ajv.addSchema(closed(ds51("descriptors")), "descriptors");

const describe = (error: ErrorObject) =>
  `${error.instancePath || "/"} ${error.message ?? error.keyword}${
    "additionalProperty" in error.params ? ` (${String(error.params.additionalProperty)})` : ""
  }`;

/**
 * Validates a whole document against its schema of the DS 5.1 export; empty means valid.
 *
 * @example
 * expect(validateEdfi("resources", "edFi_student", student)).toEqual([]);
 */
export function validateEdfi(
  file: "resources" | "descriptors",
  schema: string,
  document: unknown,
): string[] {
  const validate = ajv.getSchema(`${file}#/components/schemas/${schema}`);
  if (!validate) throw new Error(`the DS 5.1 ${file} export has no schema ${schema}`);
  return validate(document) ? [] : (validate.errors ?? []).map(describe);
}
