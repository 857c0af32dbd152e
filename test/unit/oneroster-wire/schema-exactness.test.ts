import { describe, expect, it } from "vitest";
import { discoveryDocument } from "../../../src/oneroster/routes/index.ts";
import { SERVICES } from "../../../src/oneroster/wire/index.ts";
import { loadOfficialDocument } from "../../support/oneroster-official.ts";
import { generatedDocument } from "./generated-document.ts";
import { diffSchemas } from "./schema-diff.ts";

describe("the wire schemas equal the official components", () => {
  describe.each(SERVICES)("%s service", (service) => {
    const official = loadOfficialDocument(service).components.schemas;
    const generated = generatedDocument(service).components.schemas;

    it("generates exactly the official set of components", () => {
      expect(Object.keys(generated).sort()).toEqual(Object.keys(official).sort());
    });

    it.each(Object.keys(official).sort())("%s matches property for property", (name) => {
      const generatedSchema = generated[name];
      const differences = generatedSchema
        ? diffSchemas(official[name] ?? {}, generatedSchema, name)
        : [`${name}: not generated`];
      expect(differences, `\n${differences.join("\n")}\n`).toEqual([]);
    });
  });

  it("notices a difference and names where it is", () => {
    const differences = diffSchemas(
      {
        type: "object",
        properties: { a: { type: "string", enum: ["x", "y"] }, b: { type: "string" } },
        required: ["a"],
        additionalProperties: false,
      },
      { type: "object", properties: { a: { type: "string", enum: ["x"] }, c: { type: "number" } } },
      "T",
    );
    expect(differences).toEqual([
      'T: required official ["a"] ≠ generated undefined',
      "T: additionalProperties official false ≠ generated undefined",
      'T.a: enum official ["x","y"] ≠ generated ["x"]',
      "T.b: missing from generated",
      "T.c: not in the official file",
    ]);
  });
});

describe("the discovery document of each service", () => {
  it.each(SERVICES)(
    "%s: carries the route table, the OAuth2CC scheme and the deployment's server",
    (service) => {
      const document = discoveryDocument(service, {
        origin: "https://roster.example.org",
        tokenUrl: "https://roster.example.org/oauth/token",
      });
      const generated = generatedDocument(service);
      expect(document.openapi).toBe("3.0.0");
      expect(document.paths).toEqual(generated.paths);
      expect(document.components?.schemas).toEqual(generated.components.schemas);
      expect(document.servers?.[0]?.url).toMatch(
        new RegExp(`^https://roster\\.example\\.org/ims/oneroster/${service}/v1p2$`),
      );
      const scheme = document.components?.securitySchemes?.OAuth2CC as {
        flows: { clientCredentials: { tokenUrl: string; scopes: Record<string, string> } };
      };
      expect(scheme.flows.clientCredentials.tokenUrl).toBe(
        "https://roster.example.org/oauth/token",
      );
      const used = new Set(
        Object.values(document.paths).flatMap((methods) =>
          Object.values(methods as Record<string, { security: { OAuth2CC: string[] }[] }>).flatMap(
            (operation) => operation.security.flatMap((requirement) => requirement.OAuth2CC),
          ),
        ),
      );
      expect(Object.keys(scheme.flows.clientCredentials.scopes).sort()).toEqual([...used].sort());
    },
  );
});
