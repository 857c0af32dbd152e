import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../src/db/tenant-context.ts";
import {
  DESCRIPTOR_NAMES,
  DESCRIPTOR_SETS,
  EDFI_RESOURCES,
  type EdfiDocument,
  keyValues,
  readDocuments,
} from "../../src/edfi/index.ts";
import { type Gateway, startGateway } from "../oneroster/support/gateway.ts";
import { validateEdfi } from "./support/ds51.ts";
import { addSectionAttendance } from "./support/section-attendance.ts";

let gateway: Gateway;
const served = new Map<string, EdfiDocument[]>();

beforeAll(async () => {
  gateway = await startGateway({ students: 30 });
  await addSectionAttendance(gateway);
  await withTenant(gateway.database.db, gateway.tenant.id, async (tx) => {
    for (const resource of EDFI_RESOURCES) {
      const all: EdfiDocument[] = [];
      // A small batch, so that several keyset batches are read.
      for await (const batch of readDocuments(tx, resource, { tenantId: gateway.tenant.id }, 97)) {
        all.push(...batch);
      }
      served.set(resource.endpoint, all);
    }
  });
}, 120_000);
afterAll(() => gateway?.close());

const documentsOf = (endpoint: string) => served.get(endpoint) ?? [];

describe("the demo district as Ed-Fi documents", () => {
  it.each(EDFI_RESOURCES.map((resource) => [resource.endpoint, resource] as const))(
    "%s: every document validates against its DS 5.1 schema, with unique ids and natural keys",
    (_endpoint, resource) => {
      const documents = documentsOf(resource.endpoint);
      expect(documents.length).toBeGreaterThan(0);
      for (const document of documents) {
        expect(
          validateEdfi("resources", resource.schema, document),
          JSON.stringify(document),
        ).toEqual([]);
      }
      expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
      const keys = documents.map((d) => JSON.stringify(keyValues(resource, d)));
      expect(new Set(keys).size).toBe(documents.length);
      for (const key of keys) expect(Object.values(JSON.parse(key))).not.toContain(undefined);
    },
  );

  it("every descriptor a document carries is a URI of a served descriptor set", () => {
    const uris = new Set(
      DESCRIPTOR_NAMES.flatMap((name) =>
        DESCRIPTOR_SETS[name].map((value) => `uri://ed-fi.org/${name}#${value.codeValue}`),
      ),
    );
    const found: string[] = [];
    const walk = (value: unknown, key: string): void => {
      if (Array.isArray(value)) for (const item of value) walk(item, key);
      else if (value && typeof value === "object")
        for (const [k, v] of Object.entries(value)) walk(v, k);
      else if (key.endsWith("Descriptor")) found.push(String(value));
    };
    for (const documents of served.values()) walk(documents, "");
    expect(found.length).toBeGreaterThan(0);
    for (const uri of found) {
      expect(uri).toMatch(/^uri:\/\/ed-fi\.org\/[A-Za-z]+Descriptor#[^#]+$/);
      expect(uris.has(uri), uri).toBe(true);
    }
  });
});
