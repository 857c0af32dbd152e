import { OpenAPIHono } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import {
  ALL_OPERATIONS,
  BASE_PATHS,
  OPERATIONS_BY_SERVICE,
  SCOPE_PREFIX,
} from "../../../src/oneroster/routes/index.ts";
import { result } from "./payloads.ts";

const byId = (operationId: string) => {
  const operation = ALL_OPERATIONS.find((entry) => entry.operationId === operationId);
  if (!operation) throw new Error(`no operation ${operationId}`);
  return operation;
};

describe("the OneRoster route table", () => {
  it("holds 41 rostering, 35 gradebook and 5 resources operations, each operationId once", () => {
    expect(OPERATIONS_BY_SERVICE.rostering).toHaveLength(41);
    expect(OPERATIONS_BY_SERVICE.gradebook).toHaveLength(35);
    expect(OPERATIONS_BY_SERVICE.resources).toHaveLength(5);
    expect(new Set(ALL_OPERATIONS.map((entry) => entry.operationId)).size).toBe(81);
  });

  it("serves each service under its official base path", () => {
    expect(BASE_PATHS).toEqual({
      rostering: "/ims/oneroster/rostering/v1p2",
      gradebook: "/ims/oneroster/gradebook/v1p2",
      resources: "/ims/oneroster/resources/v1p2",
    });
  });

  it("tells a handler what each operation serves", () => {
    const pick = (operationId: string) => {
      const { route: _route, service: _service, ...rest } = byId(operationId);
      return rest;
    };
    expect(pick("getAllSchools")).toEqual({
      operationId: "getAllSchools",
      method: "GET",
      path: "/schools",
      kind: "collection",
      entity: "org",
      subset: "school",
      parents: [],
      envelopeKey: "orgs",
      scopes: [`${SCOPE_PREFIX}roster.readonly`, `${SCOPE_PREFIX}roster-core.readonly`],
    });
    expect(pick("getStudentsForClassInSchool")).toMatchObject({
      kind: "nested-collection",
      entity: "user",
      subset: "student",
      envelopeKey: "users",
      parents: [
        { param: "schoolSourcedId", entity: "org", subset: "school" },
        { param: "classSourcedId", entity: "class" },
      ],
    });
    expect(pick("getDemographics")).toMatchObject({ kind: "item", envelopeKey: "demographics" });
    expect(pick("getTerm")).toMatchObject({
      kind: "item",
      entity: "academicSession",
      subset: "term",
    });
    expect(pick("putLineItem")).toMatchObject({
      kind: "put",
      envelopeKey: "lineItem",
      parents: [],
    });
    expect(pick("postResultsForAcademicSessionForClass")).toMatchObject({
      kind: "post",
      entity: "result",
      envelopeKey: "results",
      parents: [
        { param: "classSourcedId", entity: "class" },
        { param: "academicSessionSourcedId", entity: "academicSession" },
      ],
    });
    expect(pick("deleteAssessmentResult")).toMatchObject({
      kind: "delete",
      entity: "assessmentResult",
      scopes: [`${SCOPE_PREFIX}assessment.delete`],
    });
  });
});

describe("requests through the route definitions", () => {
  const app = new OpenAPIHono();
  for (const operation of [byId("getAllUsers"), byId("getUser"), byId("putResult")]) {
    // Narrowing on kind is what types `c.req.valid` for a generically attached handler.
    if (operation.kind === "collection") {
      app.openapi(operation.route, (c) => c.json({ query: c.req.valid("query") }, 200));
    } else if (operation.kind === "item") {
      app.openapi(operation.route, (c) =>
        c.json({ params: c.req.valid("param"), query: c.req.valid("query") }, 200),
      );
    } else if (operation.kind === "put") {
      app.openapi(operation.route, (c) =>
        c.json({ params: c.req.valid("param"), body: c.req.valid("json") }, 200),
      );
    }
  }

  it("hands collection query values over as sent, for the query parser to judge", async () => {
    const response = await app.request(
      "/users?limit=abc&offset=5&sort=familyName&orderBy=desc&filter=status%3D%27active%27&fields=a,b&fields=c",
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      query: {
        limit: "abc",
        offset: "5",
        sort: "familyName",
        orderBy: "desc",
        filter: "status='active'",
        fields: ["a,b", "c"],
      },
    });
  });

  it("leaves absent parameters absent and keeps a single fields value a string", async () => {
    const response = await app.request("/users/usr-1?fields=givenName,familyName");
    expect(await response.json()).toEqual({
      params: { sourcedId: "usr-1" },
      query: { fields: "givenName,familyName" },
    });
  });

  it("hands a valid PUT body over, parsed", async () => {
    const body = { result };
    const response = await app.request("/results/res-1", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(await response.json()).toEqual({ params: { sourcedId: "res-1" }, body });
  });

  it("refuses a PUT body that the official schema refuses", async () => {
    const response = await app.request("/results/res-1", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ result: { sourcedId: "res-1", late: true } }),
    });
    expect(response.status).toBe(400);
  });

  it("mounts the three services under their base paths in one OpenAPI 3.1 document", () => {
    const gateway = new OpenAPIHono();
    for (const [service, operations] of Object.entries(OPERATIONS_BY_SERVICE)) {
      const serviceApp = new OpenAPIHono();
      for (const { route } of operations) serviceApp.openapi(route, (c) => c.body(null, 204));
      gateway.route(BASE_PATHS[service as keyof typeof BASE_PATHS], serviceApp);
    }
    const document = gateway.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: "gateway", version: "1" },
    });
    const operations = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
      Object.keys(methods ?? {}).map((method) => `${method} ${path}`),
    );
    expect(operations).toHaveLength(81);
    expect(operations).toContain(
      "get /ims/oneroster/rostering/v1p2/schools/{schoolSourcedId}/terms",
    );
  });
});
