import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_DESCRIPTIONS } from "../../src/kernel/openapi-helpers.ts";
import { testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * `/openapi.json` describes exactly the gateway's own routes that are mounted (the OneRoster
 * services publish their own documents), and every error a route answers comes from the one
 * shared description of errors.
 */

interface Operation {
  security?: unknown[];
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);
/** Served beside the document rather than described in it. */
const UNDOCUMENTED = new Set(["/openapi.json", "/docs"]);
const ONEROSTER = /^\/ims\/oneroster\//;

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
          return !ONEROSTER.test(path) && !UNDOCUMENTED.has(path);
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
    expect(mounted().size).toBeGreaterThan(10);
    expect([...documented()].sort()).toEqual([...mounted()].sort());
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({
        key: `${method} ${path}`,
        operation,
      })),
    );

  it("documents 401, 403 and 503 on every route behind a bearer token", () => {
    const guarded = operations().filter(({ operation }) => (operation.security ?? []).length > 0);
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
