import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROSTERING_OPERATIONS } from "../../src/oneroster/routes/index.ts";
import {
  type JsonSchema,
  loadOfficialDocument,
  validateAgainstOfficial,
} from "../support/oneroster-official.ts";
import { demoIds, type PathIds, pathFor } from "./support/demo-ids.ts";
import { type Gateway, ROSTER_READ, ROSTERING, scope, startGateway } from "./support/gateway.ts";

/** The component an official operation answers 200 with, e.g. UserSetDType. */
function officialSuccessSchema(path: string, operationId: string): string {
  const document = loadOfficialDocument("rostering");
  const operation = document.paths[path]?.get;
  expect(operation?.operationId).toBe(operationId);
  const schema = operation?.responses["200"]?.content?.["application/json"]?.schema as JsonSchema;
  return String(schema.$ref).split("/").at(-1) ?? "";
}

describe("every Rostering operation, on the demo district", () => {
  let gateway: Gateway;
  let token: string;
  let ids: PathIds;

  beforeAll(async () => {
    gateway = await startGateway();
    token = await gateway.token({ scopes: ROSTER_READ });
    ids = await demoIds(gateway, token);
  });
  afterAll(() => gateway?.close());

  it.each(ROSTERING_OPERATIONS.map((operation) => [operation.operationId, operation] as const))(
    "%s answers 200 with real records that validate against the official schema",
    async (operationId, operation) => {
      const response = await gateway.get(pathFor(operation, ids), token);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await response.json()) as Record<string, unknown>;
      const component = officialSuccessSchema(operation.path, operationId);
      expect(validateAgainstOfficial("rostering", component, body)).toEqual([]);
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
    for (const path of ["/classes?limit=3", "/enrollments?limit=3", "/users?limit=3", "/orgs"]) {
      JSON.parse(await (await gateway.get(path, token)).text(), (_, value) => {
        if (value?.href && value.sourcedId && value.type) refs.push(value as Ref);
        return value;
      });
    }
    const rostering = refs.filter((ref) => ref.type !== "resource");
    expect(new Set(rostering.map((ref) => ref.type))).toEqual(
      new Set(["org", "academicSession", "course", "class", "user"]),
    );
    for (const ref of rostering) {
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

  it("serves every operation of the official file, each behind its bearer token", async () => {
    const official = Object.entries(loadOfficialDocument("rostering").paths).flatMap(
      ([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(official).toHaveLength(41);
    for (const { path, method, operation } of official) {
      const url = `${ROSTERING}${path.replace(/\{\w+\}/g, "some-id")}`;
      const response = await gateway.app.request(url, { method: method.toUpperCase() });
      expect({ operation: operation.operationId, status: response.status }).toEqual({
        operation: operation.operationId,
        status: 401,
      });
    }
    const unknown = await gateway.get("/no-such-collection", token);
    expect(unknown.status).toBe(404);
  });

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
