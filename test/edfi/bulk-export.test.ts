import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditDisclosedRecords, auditLogs } from "../../src/db/existing/index.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import {
  DESCRIPTOR_NAMES,
  descriptorEndpoint,
  EDFI_RESOURCES,
  type EdfiManifest,
} from "../../src/edfi/index.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { bearerFor, testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";
import { readZipBuffer } from "../unit/csv-write/zip-entries.ts";

type Doc = Record<string, unknown> & { id: string };

/** Every endpoint the API serves: the descriptor sets, then the resources in load order. */
const ENDPOINTS = [
  ...DESCRIPTOR_NAMES.map(descriptorEndpoint),
  ...EDFI_RESOURCES.map((resource) => resource.endpoint),
];

describe("the Ed-Fi bulk export", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let harness: ReturnType<typeof testApp>;
  let exporter: string;
  let reader: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await tenantWithDistrict(database.db, "edfi-bulk", 12);
    harness = testApp(database);
    exporter = await bearerFor(harness.app, database, tenant, ["gateway.export"]);
    reader = await bearerFor(harness.app, database, tenant, ["edfi.readonly"]);
  });
  afterAll(() => database.close());

  const download = async (query: string, token = exporter) => {
    const response = await harness.app.request(`/admin/v1/exports/edfi.zip${query}`, {
      headers: { authorization: token },
    });
    return response;
  };

  /** The zip's files: each JSONL file as its documents, and the manifest. */
  const unzip = async (response: Response) => {
    const entries = await readZipBuffer(Buffer.from(await response.arrayBuffer()));
    const manifest = JSON.parse(entries.get("manifest.json") ?? "null") as EdfiManifest;
    const files = new Map<string, Doc[]>();
    for (const [name, text] of entries) {
      if (!name.endsWith(".jsonl")) continue;
      files.set(
        name,
        text
          .split("\n")
          .filter((line) => line !== "")
          .map((line) => JSON.parse(line) as Doc),
      );
    }
    return { names: [...entries.keys()], manifest, files };
  };

  /** Every document of a resource as the API serves it, walked with offset paging. */
  const walk = async (endpoint: string, query: string, token = reader): Promise<Doc[]> => {
    const all: Doc[] = [];
    for (let offset = 0; ; offset += 500) {
      const response = await harness.app.request(
        `/ed-fi/data/v3/ed-fi/${endpoint}?offset=${offset}&limit=500${query}`,
        { headers: { authorization: token } },
      );
      expect(response.status, `${endpoint} ${await response.clone().text()}`).toBe(200);
      const page = (await response.json()) as Doc[];
      all.push(...page);
      if (page.length < 500) return all;
    }
  };

  const byId = (docs: Doc[]) => [...docs].sort((a, b) => a.id.localeCompare(b.id));

  const expectSameAsApi = async (
    files: Map<string, Doc[]>,
    query: string,
    token = reader,
  ): Promise<number> => {
    let total = 0;
    for (const endpoint of ENDPOINTS) {
      const exported = files.get(`${endpoint}.jsonl`);
      expect(exported, endpoint).toBeDefined();
      expect(byId(exported ?? []), endpoint).toEqual(byId(await walk(endpoint, query, token)));
      total += exported?.length ?? 0;
    }
    return total;
  };

  const exportLogs = (purpose?: string) =>
    withTenant(database.db, tenant.id, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(
          and(
            eq(auditLogs.entity, "edfi-bulk"),
            purpose === undefined ? undefined : eq(auditLogs.purpose, purpose),
          ),
        ),
    );

  let full: Awaited<ReturnType<typeof unzip>>;

  it("holds, per resource in load order, the documents the API serves, record for record, and a manifest that counts them", async () => {
    const response = await download("?purpose=state-reporting");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    full = await unzip(response);
    expect(full.names).toEqual([
      ...ENDPOINTS.map((endpoint) => `${endpoint}.jsonl`),
      "manifest.json",
    ]);
    const total = await expectSameAsApi(full.files, "");
    expect(total).toBeGreaterThan(0);
    for (const [name, docs] of full.files)
      expect(full.manifest.counts[name], name).toBe(docs.length);
    // Every file has its Ed-Fi load order, and the zip holds them in that order.
    const firstOrder = (file: string) =>
      full.manifest.loadOrder.find((entry) => entry.file === file)?.order ?? Number.NaN;
    const orders = full.names.filter((name) => name.endsWith(".jsonl")).map(firstOrder);
    expect(orders.every((order) => order >= 1)).toBe(true);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(firstOrder("gradeLevelDescriptors.jsonl")).toBe(1);
    expect(firstOrder("grades.jsonl")).toBeGreaterThan(
      firstOrder("studentSectionAssociations.jsonl"),
    );
    expect(full.manifest.sinceChangeVersion).toBeNull();
    expect(Number.isNaN(Date.parse(full.manifest.generatedAt))).toBe(false);
    const [newest] = await queryRows<{ v: string }>(
      database.db,
      sql`select last_value::text as v from change_seq`,
    );
    expect(full.manifest.changeVersion).toBe(Number(newest?.v));
    for (const entry of Object.values(full.manifest.defaults)) {
      expect(entry.records).toBeGreaterThanOrEqual(0);
    }
  });

  it("writes one disclosure record per export, with the purpose, the resources and the count, and the ids of each file", async () => {
    const [logged, ...more] = await exportLogs("state-reporting");
    expect(more).toEqual([]);
    const total = Object.values(full.manifest.counts).reduce((sum, n) => sum + n, 0);
    expect(logged).toMatchObject({
      action: "disclose",
      actorType: "client",
      recordCount: total,
      endpoint: "GET /admin/v1/exports/edfi.zip",
    });
    expect(logged?.entityIds).toEqual(ENDPOINTS);
    const disclosed = await withTenant(database.db, tenant.id, (tx) =>
      tx
        .select()
        .from(auditDisclosedRecords)
        .where(eq(auditDisclosedRecords.auditLogId, logged?.id ?? "")),
    );
    for (const resource of EDFI_RESOURCES) {
      const name = `${resource.endpoint}.jsonl`;
      const docs = full.files.get(name) ?? [];
      const ids = disclosed.filter((row) => row.file === name).flatMap((row) => row.sourcedIds);
      expect(ids.sort(), name).toEqual(docs.map((doc) => doc.id).sort());
    }
  });

  it("with sinceChangeVersion holds only what changed after it, as the API serves it with minChangeVersion", async () => {
    const since = full.manifest.changeVersion;
    const unchanged = await unzip(await download(`?purpose=sync&sinceChangeVersion=${since}`));
    expect(Object.values(unchanged.manifest.counts).every((n) => n === 0)).toBe(true);
    expect(unchanged.manifest.sinceChangeVersion).toBe(since);

    await withTenant(database.db, tenant.id, (tx) =>
      tx.execute(
        sql`update orgs set name = name || ' (renamed)'
            where sourced_id = (select sourced_id from orgs where type = 'school' order by sourced_id limit 1)`,
      ),
    );
    const delta = await unzip(await download(`?purpose=sync&sinceChangeVersion=${since}`));
    const total = await expectSameAsApi(delta.files, `&minChangeVersion=${since + 1}`);
    expect(delta.manifest.counts["schools.jsonl"]).toBeGreaterThan(0);
    expect(total).toBeLessThan(Object.values(full.manifest.counts).reduce((a, b) => a + b, 0));
    expect(delta.manifest.changeVersion).toBeGreaterThan(since);
  });

  it("refuses an export without a purpose, says how to give one, and logs nothing", async () => {
    const before = (await exportLogs()).length;
    for (const query of ["", "?purpose=", "?purpose=%20%20"]) {
      const response = await download(query);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/purpose.*\?purpose=state-reporting/);
    }
    const bad = await download("?purpose=x&sinceChangeVersion=yesterday");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/sinceChangeVersion/);
    expect((await exportLogs()).length).toBe(before);
  });

  it("gives an org-restricted client only what the API shows it", async () => {
    const [school] = await withTenant(database.db, tenant.id, (tx) =>
      queryRows<{ sourced_id: string }>(
        tx,
        sql`select sourced_id from orgs where type = 'school' order by sourced_id limit 1`,
      ),
    );
    const org = { orgSourcedId: school?.sourced_id ?? "" };
    const restricted = await bearerFor(harness.app, database, tenant, ["gateway.export"], org);
    const restrictedReader = await bearerFor(harness.app, database, tenant, ["edfi.readonly"], org);
    const mine = await unzip(await download("?purpose=school-report", restricted));
    const total = await expectSameAsApi(mine.files, "", restrictedReader);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(Object.values(full.manifest.counts).reduce((a, b) => a + b, 0));
  });

  it("is refused to a client without gateway.export", async () => {
    const response = await download("?purpose=state-reporting", reader);
    expect(response.status).toBe(403);
  });
});
