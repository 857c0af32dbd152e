import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { OFFICIAL_DOCUMENTS } from "../../src/oneroster/routes/services.ts";
import type { ServiceName } from "../../src/oneroster/wire/status-info.ts";

/**
 * The official OneRoster 1.2 OpenAPI files, kept byte for byte in fixtures/spec/oneroster
 * (provenance and licence in fixtures/spec/README.md), so every suite that checks the gateway
 * against them runs on any clone.
 */
const OFFICIAL_SPEC_DIR = fileURLToPath(new URL("../../fixtures/spec/oneroster/", import.meta.url));

export interface OfficialOperation {
  operationId: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
  security?: Record<string, string[]>[];
}

export type JsonSchema = { [keyword: string]: unknown };

export interface OfficialDocument {
  paths: Record<string, Record<string, OfficialOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<
      string,
      { flows: { clientCredentials: { scopes: Record<string, string> } } }
    >;
  };
}

const documents = new Map<ServiceName, OfficialDocument>();

export function loadOfficialDocument(service: ServiceName): OfficialDocument {
  let document = documents.get(service);
  if (!document) {
    const file = join(OFFICIAL_SPEC_DIR, OFFICIAL_DOCUMENTS[service]);
    document = JSON.parse(readFileSync(file, "utf8")) as OfficialDocument;
    documents.set(service, document);
  }
  return document;
}

// One Ajv per service: the three documents share component names (imsx_StatusInfoDType…).
const ajvs = new Map<ServiceName, Ajv>();

function officialValidator(service: ServiceName, componentName: string): ValidateFunction {
  const document = loadOfficialDocument(service);
  if (!document.components.schemas[componentName]) {
    throw new Error(`The official ${service} file has no component ${componentName}`);
  }
  let ajv = ajvs.get(service);
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat("float", true);
    ajv.addSchema(document, service);
    ajvs.set(service, ajv);
  }
  const validate = ajv.getSchema(`${service}#/components/schemas/${componentName}`);
  if (!validate) throw new Error(`Ajv could not resolve ${componentName} in the ${service} file`);
  return validate;
}

const describeError = (error: ErrorObject) => {
  const extra =
    "additionalProperty" in error.params ? ` (${String(error.params.additionalProperty)})` : "";
  return `${error.instancePath || "/"} ${error.message ?? error.keyword}${extra}`;
};

/**
 * Validates a payload against a component of an official file with Ajv, $refs resolved
 * within that file. Returns one readable line per error; empty means valid.
 *
 * @example
 * expect(validateAgainstOfficial("rostering", "SingleUserDType", body)).toEqual([]);
 */
export function validateAgainstOfficial(
  service: ServiceName,
  componentName: string,
  payload: unknown,
): string[] {
  const validate = officialValidator(service, componentName);
  return validate(payload) ? [] : (validate.errors ?? []).map(describeError);
}
