import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DESCRIPTOR_NAMES,
  DESCRIPTOR_SETS,
  descriptorEndpoint,
  EDFI_RESOURCES,
} from "../../src/edfi/index.ts";
import { type Gateway, startGateway } from "../oneroster/support/gateway.ts";
import { ds51, type OpenApiDocument } from "./support/ds51.ts";
import { type Doc, EDFI_READ, edfiGet } from "./support/edfi-client.ts";
import { addSectionAttendance } from "./support/section-attendance.ts";

const SPEC = join(import.meta.dirname, "../../fixtures/spec/edfi");

let gateway: Gateway;
let token: string;

beforeAll(async () => {
  gateway = await startGateway({ students: 10 });
  await addSectionAttendance(gateway);
  token = await gateway.token({ scopes: EDFI_READ });
}, 120_000);
afterAll(() => gateway?.close());

const getJson = async (path: string) => {
  const response = await edfiGet(gateway, path, token);
  expect(response.status, path).toBe(200);
  return response.json() as Promise<unknown>;
};

type Parameter = { name?: string; $ref?: string };
type Operation = { parameters: Parameter[] };

/** Every documented GET is served, and each document's parts are the DS 5.1 export's. */
async function checkDocument(served: OpenApiDocument, official: OpenApiDocument) {
  await SwaggerParser.validate(structuredClone(served) as never);
  for (const [name, schema] of Object.entries(served.components.schemas)) {
    expect(schema, name).toEqual(official.components.schemas[name]);
  }
  for (const [path, item] of Object.entries(served.paths)) {
    const operation = item.get as Operation;
    const exported = official.paths[path]?.get as Operation | undefined;
    // Partitions and change queries (ODS/API features) are not in the DS 5.1 export.
    if (!/\/(partitions|deletes|keyChanges)$/.test(path)) {
      expect(exported, path).toBeDefined();
      const own = new Set([
        "minChangeVersion",
        "maxChangeVersion",
        "pageToken",
        "pageSize",
        "purpose",
      ]);
      for (const parameter of operation.parameters) {
        if (parameter.$ref || own.has(parameter.name ?? "")) continue;
        expect(exported?.parameters, `${path} ${parameter.name}`).toContainEqual(parameter);
      }
    }
    // Served: the collection (and partitions) answer 200; an item of a real id answers 200.
    const collection = path.replace(/\/(\{id\}|partitions|deletes|keyChanges)$/, "");
    const [first] = (await getJson(`/ed-fi/data/v3${collection}?limit=1`)) as Doc[];
    expect(first, collection).toBeDefined();
    await getJson(`/ed-fi/data/v3${path.replace("{id}", first?.id ?? "")}`);
  }
}

describe("Ed-Fi discovery and metadata", () => {
  it("the root document follows the Discovery API and its URLs answer", async () => {
    const root = (await getJson("/ed-fi")) as {
      urls: Record<string, string>;
      dataModels: unknown[];
      apiMode: string;
    };
    const discovery = JSON.parse(
      readFileSync(join(SPEC, "ds-5.1-odsapi-openapi/discovery-spec.json"), "utf8"),
    );
    const ajv = new Ajv({ strict: false });
    ajv.addSchema(discovery, "discovery");
    expect(
      ajv.validate("discovery#/components/schemas/discoveryRoot", root),
      JSON.stringify(ajv.errors),
    ).toBe(true);
    expect(root.dataModels).toEqual([expect.objectContaining({ name: "Ed-Fi", version: "5.1.0" })]);
    expect(root.apiMode).toBe("District Specific");
    const local = (url: string) => new URL(url).pathname;
    await getJson(local(root.urls.dependencies as string));
    const specifications = (await getJson(local(root.urls.openApiMetadata as string))) as {
      endpointUri: string;
    }[];
    expect(specifications).toHaveLength(2);
    for (const { endpointUri } of specifications) await getJson(local(endpointUri));
    expect(
      (await getJson(`${local(root.urls.dataManagementApi as string)}ed-fi/schools`)) as Doc[],
    ).not.toHaveLength(0);
  });

  it("the resources document lists every resource served, and serves every path it lists", async () => {
    const served = (await getJson(
      "/ed-fi/metadata/data/v3/resources/swagger.json",
    )) as OpenApiDocument;
    const paths = Object.keys(served.paths);
    // Each resource: its collection, partitions and items, and its change queries.
    const suffixes = ["", "/partitions", "/{id}", "/deletes", "/keyChanges"];
    expect(paths).toHaveLength(EDFI_RESOURCES.length * suffixes.length);
    for (const resource of EDFI_RESOURCES) {
      for (const suffix of suffixes)
        expect(paths).toContain(`/ed-fi/${resource.endpoint}${suffix}`);
    }
    await checkDocument(served, ds51("resources"));
  }, 120_000);

  it("the descriptors document lists every descriptor set served, and serves every path it lists", async () => {
    const served = (await getJson(
      "/ed-fi/metadata/data/v3/descriptors/swagger.json",
    )) as OpenApiDocument;
    expect(Object.keys(served.paths).sort()).toEqual(
      DESCRIPTOR_NAMES.flatMap((name) => [
        `/ed-fi/${descriptorEndpoint(name)}`,
        `/ed-fi/${descriptorEndpoint(name)}/{id}`,
      ]).sort(),
    );
    await checkDocument(served, ds51("descriptors"));
  }, 120_000);

  it("every data route mounted under /ed-fi/data/v3 is documented in one of the two documents", async () => {
    const documented = new Set<string>();
    for (const name of ["resources", "descriptors"]) {
      const served = (await getJson(
        `/ed-fi/metadata/data/v3/${name}/swagger.json`,
      )) as OpenApiDocument;
      for (const path of Object.keys(served.paths)) documented.add(`GET /ed-fi/data/v3${path}`);
    }
    const mounted = gateway.app.routes
      .filter((route) => route.path.startsWith("/ed-fi/data/v3/") && route.method !== "ALL")
      .map((route) => `${route.method} ${route.path.replace(/:id\{[^}]*\}\}/, "{id}")}`);
    expect(new Set(mounted).size).toBe(documented.size);
    for (const route of mounted) expect(documented.has(route), route).toBe(true);
  });

  it("dependencies give the DS 5.1 load order, which the resource catalogue follows", async () => {
    const dependencies = (await getJson("/ed-fi/metadata/data/v3/dependencies")) as {
      resource: string;
      order: number;
      operations: string[];
    }[];
    const official = JSON.parse(
      readFileSync(join(SPEC, "ds-5.1-odsapi-openapi/dependencies.json"), "utf8"),
    ) as unknown[];
    for (const entry of dependencies) expect(official).toContainEqual(entry);
    const createOrder = (endpoint: string) =>
      dependencies.find(
        (d) => d.resource === `/ed-fi/${endpoint}` && d.operations.includes("Create"),
      )?.order ?? Number.NaN;
    const orders = EDFI_RESOURCES.map((resource) => createOrder(resource.endpoint));
    expect(orders.every(Number.isFinite)).toBe(true);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    for (const name of DESCRIPTOR_NAMES) expect(createOrder(descriptorEndpoint(name))).toBe(1);
  });

  it("the served descriptor sets are the DS 5.2 default descriptor files", () => {
    const files = readdirSync(join(SPEC, "ds-5.2-descriptors"));
    for (const name of DESCRIPTOR_NAMES) {
      expect(files).toContain(`${name}.xml`);
      const xml = readFileSync(join(SPEC, "ds-5.2-descriptors", `${name}.xml`), "utf8");
      const codes = [...xml.matchAll(/<CodeValue>([^<]*)<\/CodeValue>/g)].map((m) =>
        (m[1] as string).replaceAll("&amp;", "&").replaceAll("&apos;", "'"),
      );
      expect(DESCRIPTOR_SETS[name].map((value) => value.codeValue)).toEqual(codes);
    }
  });
});
