import { describe, expect, it } from "vitest";
import {
  OPERATIONS_BY_SERVICE,
  oauth2SecurityScheme,
  SCOPE_URIS,
} from "../../../src/oneroster/routes/index.ts";
import { SERVICES } from "../../../src/oneroster/wire/index.ts";
import {
  type JsonSchema,
  loadOfficialDocument,
  type OfficialDocument,
  type OfficialOperation,
} from "../../support/oneroster-official.ts";
import { generatedDocument } from "./generated-document.ts";

function operationsOf(document: OfficialDocument) {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
}

const refName = (schema: JsonSchema | undefined) =>
  typeof schema?.$ref === "string" ? schema.$ref.split("/").at(-1) : undefined;

/** What a client relies on in one operation, in a form two documents can be compared by. */
function contract(operation: OfficialOperation) {
  return {
    tags: operation.tags,
    scopes: (operation.security ?? []).map((requirement) =>
      Object.fromEntries(
        Object.entries(requirement).map(([scheme, scopes]) => [scheme, [...scopes].sort()]),
      ),
    ),
    parameters: (operation.parameters ?? [])
      .map((parameter) => ({
        in: parameter.in,
        name: parameter.name,
        required: parameter.required ?? false,
        type: parameter.schema.type,
        items: (parameter.schema.items as JsonSchema | undefined)?.type,
        enum: parameter.schema.enum,
      }))
      .sort((a, b) => `${a.in}${a.name}`.localeCompare(`${b.in}${b.name}`)),
    requestBody: operation.requestBody && {
      required: operation.requestBody.required ?? false,
      schema: refName(operation.requestBody.content["application/json"]?.schema),
    },
    responses: Object.fromEntries(
      Object.entries(operation.responses).map(([status, response]) => [
        status,
        refName(response.content?.["application/json"]?.schema) ?? "no body",
      ]),
    ),
  };
}

describe("the route table covers the official OneRoster files", () => {
  describe.each(SERVICES)("%s service", (service) => {
    const official = operationsOf(loadOfficialDocument(service));
    const generated = operationsOf(generatedDocument(service));
    const key = ({ method, path, operation }: (typeof official)[number]) =>
      `${method.toUpperCase()} ${path} ${operation.operationId}`;

    it("declares every official operation, with its method, path and operationId, and no other", () => {
      expect(generated.map(key).sort()).toEqual(official.map(key).sort());
    });

    it("lists in its table exactly the official operations", () => {
      const table = OPERATIONS_BY_SERVICE[service].map(
        (entry) => `${entry.method} ${entry.path} ${entry.operationId}`,
      );
      expect(table.sort()).toEqual(official.map(key).sort());
    });

    it("grants each operation to the scopes the official file lists for it", () => {
      const scopes = Object.fromEntries(
        OPERATIONS_BY_SERVICE[service].map((entry) => [
          entry.operationId,
          [...entry.scopes].sort(),
        ]),
      );
      const officialScopes = Object.fromEntries(
        official.map(({ operation }) => [
          operation.operationId,
          (operation.security ?? [])
            .flatMap((requirement) => Object.values(requirement).flat())
            .sort(),
        ]),
      );
      expect(scopes).toEqual(officialScopes);
    });

    it("offers, in its OAuth2CC scheme, exactly the scopes of the official file", () => {
      const scopesOf = (scheme: { flows: { clientCredentials: { scopes: object } } } | undefined) =>
        Object.keys(scheme?.flows.clientCredentials.scopes ?? {}).sort();
      const officialScheme = loadOfficialDocument(service).components.securitySchemes.OAuth2CC;
      expect(scopesOf(oauth2SecurityScheme(service, "https://example.org/token"))).toEqual(
        scopesOf(officialScheme),
      );
    });

    it.each(official.map(({ operation }) => [operation.operationId, operation] as const))(
      "%s has the official tags, security, parameters, request body and responses",
      (operationId, operation) => {
        const mine = generated.find((entry) => entry.operation.operationId === operationId);
        expect(mine && contract(mine.operation)).toEqual(contract(operation));
      },
    );
  });

  it("knows every scope the three official files define, and no other", () => {
    const official = SERVICES.flatMap((service) =>
      Object.keys(
        loadOfficialDocument(service).components.securitySchemes.OAuth2CC?.flows.clientCredentials
          .scopes ?? {},
      ),
    );
    expect([...SCOPE_URIS].sort()).toEqual(official.sort());
  });
});
