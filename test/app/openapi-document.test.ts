import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_DESCRIPTIONS } from "../../src/kernel/openapi-helpers.ts";
import { testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * `/openapi.json` describes exactly the routes that are mounted, the gateway's own and every
 * OneRoster operation, is a valid OpenAPI 3.1 document, and every error a gateway route answers
 * comes from the one shared description of errors.
 */

interface Operation {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);
/**
 * Served beside the document rather than described in it: itself, the landing page, the docs,
 * discovery, the console's pages (for people, not API clients), and the Ed-Fi API, which
 * publishes its own metadata (checked against its routes in test/edfi).
 */
const UNDOCUMENTED =
  /^\/(|openapi\.json|docs(\/.*)?|console(\/.*)?|ims\/oneroster\/\w+\/v1p2\/discovery\/.*|ed-fi(\/.*)?)$/;
const ONEROSTER = /^\/ims\/oneroster\//;
/** Operations of the three official OneRoster 1.2 documents: 41 + 35 + 5. */
const ONEROSTER_OPERATIONS = 81;

describe("the gateway's OpenAPI document", () => {
  let database: TestDatabase;
  let harness: ReturnType<typeof testApp>;
  let document: Document;

  beforeAll(async () => {
    database = await createTestDatabase();
    harness = testApp(database);
    const response = await harness.app.request("/openapi.json");
    expect(response.status).toBe(200);
    document = (await response.json()) as Document;
  });
  afterAll(() => database.close());

  const mounted = () =>
    new Set(
      harness.app.routes
        .filter((route) => METHODS.has(route.method.toLowerCase()))
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, "{$1}")}`)
        .filter((key) => {
          const path = key.slice(key.indexOf(" ") + 1);
          return !UNDOCUMENTED.test(path);
        }),
    );

  const documented = () =>
    new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((method) => METHODS.has(method))
          .map((method) => `${method} ${path}`),
      ),
    );

  it("documents every mounted route, and only mounted ones", () => {
    expect(mounted().size).toBeGreaterThan(10 + ONEROSTER_OPERATIONS);
    expect([...documented()].sort()).toEqual([...mounted()].sort());
  });

  it("documents every operation of the three OneRoster services", () => {
    const oneRoster = [...documented()].filter((key) => ONEROSTER.test(key.split(" ")[1] ?? ""));
    expect(oneRoster).toHaveLength(ONEROSTER_OPERATIONS);
  });

  it("is a valid OpenAPI 3.1 document whose every $ref resolves", async () => {
    // The validator dereferences in place; it gets a copy so the other checks see the original.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of new Set(refs)) {
      const pointer = ref.slice('"$ref":"#/'.length, -1).split("/");
      const target = pointer.reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key],
        document,
      );
      expect(target, ref).toBeDefined();
    }
  });

  it("never gives two operations the same operationId", () => {
    const ids = operations().flatMap(({ operation }) => operation.operationId ?? []);
    expect(ids.length).toBeGreaterThanOrEqual(ONEROSTER_OPERATIONS);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it("renames only the components that clash, keeping the services' official names otherwise", () => {
    const schemas = Object.keys(
      (document as unknown as { components: { schemas: object } }).components.schemas,
    );
    expect(schemas).toEqual(
      expect.arrayContaining([
        "imsx_StatusInfoDType",
        "gradebook_imsx_StatusInfoDType",
        "resources_imsx_StatusInfoDType",
        "UserDType",
      ]),
    );
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({
        key: `${method} ${path}`,
        operation,
      })),
    );

  // The OneRoster operations answer the official files' responses (401, 403, 429, 500, default).
  it("documents 401, 403 and 503 on every gateway route behind a bearer token", () => {
    const guarded = operations().filter(
      ({ key, operation }) =>
        !ONEROSTER.test(key.split(" ")[1] ?? "") && (operation.security ?? []).length > 0,
    );
    expect(guarded.length).toBeGreaterThan(5);
    for (const { key, operation } of guarded) {
      expect(Object.keys(operation.responses), key).toEqual(
        expect.arrayContaining(["401", "403", "503"]),
      );
    }
  });

  it("describes every problem-details error with the one shared description of its status", () => {
    const problems = operations().flatMap(({ key, operation }) =>
      Object.entries(operation.responses)
        .filter(([, response]) => response.content?.["application/problem+json"] !== undefined)
        .map(([status, response]) => ({ key, status, description: response.description })),
    );
    expect(problems.length).toBeGreaterThan(20);
    for (const { key, status, description } of problems) {
      expect(description, `${key} ${status}`).toBe(
        ERROR_DESCRIPTIONS[Number(status) as keyof typeof ERROR_DESCRIPTIONS],
      );
    }
  });
});
