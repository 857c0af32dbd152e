import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS_BY_SERVICE, ROSTERING_OPERATIONS } from "../../src/oneroster/routes/index.ts";
import { SERVICES, type ServiceName } from "../../src/oneroster/wire/status-info.ts";
import {
  type JsonSchema,
  loadOfficialDocument,
  validateAgainstOfficial,
} from "../support/oneroster-official.ts";
import { demoIds, type PathIds, pathFor } from "./support/demo-ids.ts";
import { type Gateway, ROSTER_READ, scope, startGateway } from "./support/gateway.ts";
import { gradebookIds } from "./support/gradebook-ids.ts";

/** The component an official operation answers 200 with, e.g. UserSetDType. */
function officialSuccessSchema(service: ServiceName, path: string, operationId: string): string {
  const document = loadOfficialDocument(service);
  const operation = document.paths[path]?.get;
  expect(operation?.operationId).toBe(operationId);
  const schema = operation?.responses["200"]?.content?.["application/json"]?.schema as JsonSchema;
  return String(schema.$ref).split("/").at(-1) ?? "";
}

const READS = [
  ...ROSTER_READ,
  scope("gradebook.readonly"),
  scope("assessment.readonly"),
  scope("resource.readonly"),
];

const readOperations = SERVICES.flatMap((service) =>
  OPERATIONS_BY_SERVICE[service]
    .filter((operation) => operation.method === "GET")
    .map((operation) => [`${service} ${operation.operationId}`, operation] as const),
);

describe("every OneRoster read, on the demo district", () => {
  let gateway: Gateway;
  let token: string;
  let ids: PathIds;

  beforeAll(async () => {
    gateway = await startGateway();
    token = await gateway.token({ scopes: READS });
    ids = await gradebookIds(gateway, token, await demoIds(gateway, token));
  });
  afterAll(() => gateway?.close());

  it("reads 41 Rostering, 19 Gradebook and 5 Resources operations", () => {
    const count = (service: ServiceName) =>
      readOperations.filter(([, operation]) => operation.service === service).length;
    expect(SERVICES.map(count)).toEqual([41, 19, 5]);
  });

  it.each(readOperations)(
    "%s answers 200 with real records that validate against the official schema",
    async (_, operation) => {
      const { service, operationId } = operation;
      const response = await gateway.call(service, "GET", pathFor(operation, ids), token);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await response.json()) as Record<string, unknown>;
      const component = officialSuccessSchema(service, operation.path, operationId);
      expect(validateAgainstOfficial(service, component, body)).toEqual([]);
      expect(Object.keys(body)).toEqual([operation.envelopeKey]);

      const payload = body[operation.envelopeKey];
      if (operation.kind === "item") {
        expect(response.headers.get("x-total-count")).toBeNull();
        expect(payload).toMatchObject({ sourcedId: expect.any(String) });
        return;
      }
      const records = payload as unknown[];
      expect(records.length).toBeGreaterThan(0);
      expect(Number(response.headers.get("x-total-count"))).toBeGreaterThanOrEqual(records.length);
      const link = response.headers.get("link") ?? "";
      expect(link).toContain('rel="first"');
      expect(link).toContain('rel="last"');
    },
  );

  it("GUIDRef hrefs are URLs of this server that answer with the referenced record", async () => {
    type Ref = { href: string; sourcedId: string; type: string };
    const refs: Ref[] = [];
    const reads = [
      ["rostering", "/classes?limit=3"],
      ["rostering", "/enrollments?limit=3"],
      ["rostering", "/users?limit=3"],
      ["rostering", "/orgs"],
      ["rostering", "/courses?limit=3"],
      ["gradebook", `/lineItems/${ids.objects.lineItems}`],
      ["gradebook", `/results/${ids.objects.results}`],
      ["gradebook", "/assessmentLineItems"],
    ] as const;
    for (const [service, path] of reads) {
      JSON.parse(await (await gateway.call(service, "GET", path, token)).text(), (_, value) => {
        if (value?.href && value.sourcedId && value.type) refs.push(value as Ref);
        return value;
      });
    }
    expect(new Set(refs.map((ref) => ref.type))).toEqual(
      new Set([
        "org",
        "academicSession",
        "course",
        "class",
        "user",
        "resource",
        "lineItem",
        "category",
        "scoreScale",
      ]),
    );
    for (const ref of refs) {
      const response = await gateway.app.request(ref.href, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect({ href: ref.href, status: response.status }).toEqual({ href: ref.href, status: 200 });
      const [record] = Object.values(
        (await response.json()) as Record<string, { sourcedId: string }>,
      );
      expect(record?.sourcedId).toBe(ref.sourcedId);
    }
  });

  it.each([
    ["rostering", 41],
    ["gradebook", 35],
    ["resources", 5],
  ] as const)(
    "serves every operation of the official %s file, each behind its bearer token",
    async (service, operations) => {
      const official = Object.entries(loadOfficialDocument(service).paths).flatMap(
        ([path, methods]) =>
          Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
      );
      expect(official).toHaveLength(operations);
      for (const { path, method, operation } of official) {
        const response = await gateway.call(
          service,
          method.toUpperCase(),
          path.replace(/\{\w+\}/g, "some-id"),
          undefined,
        );
        expect({ operation: operation.operationId, status: response.status }).toEqual({
          operation: operation.operationId,
          status: 401,
        });
      }
      const unknown = await gateway.call(service, "GET", "/no-such-collection", token);
      expect(unknown.status).toBe(404);
    },
  );

  it("the route table holds every operation of the three official files, and nothing else", () => {
    for (const service of SERVICES) {
      const official = Object.entries(loadOfficialDocument(service).paths).flatMap(
        ([path, methods]) =>
          Object.entries(methods).map(
            ([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`,
          ),
      );
      const table = OPERATIONS_BY_SERVICE[service].map(
        (operation) => `${operation.method} ${operation.path} ${operation.operationId}`,
      );
      expect(table.sort()).toEqual(official.sort());
    }
  });

  it.each([
    ["gradebook", "gradebook-core.readonly"],
    ["resources", "resource-core.readonly"],
  ] as const)(
    "a %s core-only client reads collections and objects but no nested path",
    async (service, core) => {
      const coreToken = await gateway.token({ scopes: [scope(core)] });
      for (const operation of OPERATIONS_BY_SERVICE[service]) {
        if (operation.method !== "GET" || operation.entity.startsWith("assessment")) continue;
        const response = await gateway.call(service, "GET", pathFor(operation, ids), coreToken);
        expect({ operation: operation.operationId, status: response.status }).toEqual({
          operation: operation.operationId,
          status: operation.kind === "nested-collection" ? 403 : 200,
        });
      }
    },
  );

  it("a core-only client reads every collection and object but no nested path", async () => {
    const core = await gateway.token({ scopes: [scope("roster-core.readonly")] });
    for (const operation of ROSTERING_OPERATIONS) {
      const response = await gateway.get(pathFor(operation, ids), core);
      const nested = operation.kind === "nested-collection";
      const demographics = operation.entity === "demographics";
      expect({ operation: operation.operationId, status: response.status }).toEqual({
        operation: operation.operationId,
        status: nested || demographics ? 403 : 200,
      });
    }
  });
});
