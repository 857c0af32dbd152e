import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../src/db/tenant-context.ts";
import type { ServiceName } from "../../src/oneroster/wire/status-info.ts";
import { type Gateway, idsOf, recordsOf, scope, startGateway } from "./support/gateway.ts";

/**
 * What a deleted record looks like to readers, in every service: gone from plain lists, there
 * as `tobedeleted` for whoever filters on status or dateLastModified, and answered with its
 * status when asked for by sourcedId.
 */
describe("deleted records, to readers of every service", () => {
  let gateway: Gateway;
  let token: string;
  let before: string;
  const deleted: Record<ServiceName, { table: string; collection: string; id: string }> = {
    rostering: { table: "classes", collection: "/classes", id: "" },
    gradebook: { table: "results", collection: "/results", id: "" },
    resources: { table: "resources", collection: "/resources", id: "" },
  };

  beforeAll(async () => {
    gateway = await startGateway();
    token = await gateway.token({
      scopes: [scope("roster.readonly"), scope("gradebook.readonly"), scope("resource.readonly")],
    });
    before = new Date(Date.now() - 1).toISOString();
    for (const [service, target] of Object.entries(deleted)) {
      const [id] = await idsOf(
        await gateway.call(service as ServiceName, "GET", `${target.collection}?limit=1`, token),
      );
      target.id = id ?? "";
      await withTenant(gateway.database.db, gateway.tenant.id, (tx) =>
        tx.execute(
          sql`update ${sql.identifier(target.table)} set status = 'tobedeleted' where sourced_id = ${target.id}`,
        ),
      );
    }
  });
  afterAll(() => gateway?.close());

  const services = Object.keys(deleted) as ServiceName[];
  const list = async (service: ServiceName, query: string) => {
    const response = await gateway.call(
      service,
      "GET",
      `${deleted[service].collection}?limit=1000${query}`,
      token,
    );
    expect(response.status).toBe(200);
    return {
      records: await recordsOf(response),
      total: Number(response.headers.get("x-total-count")),
    };
  };

  it.each(services)(
    "%s: a list without a lifecycle filter leaves the deleted record out",
    async (service) => {
      const { records, total } = await list(service, "");
      expect(records.map((record) => record.sourcedId)).not.toContain(deleted[service].id);
      expect(records.every((record) => record.status === "active")).toBe(true);
      expect(total).toBe(records.length);
      const named = await list(
        service,
        `&filter=${encodeURIComponent(`sourcedId='${deleted[service].id}'`)}`,
      );
      expect(named.records).toEqual([]);
    },
  );

  it.each(services)(
    "%s: a filter on dateLastModified or status sees it as tobedeleted",
    async (service) => {
      const { id } = deleted[service];
      const delta = await list(
        service,
        `&filter=${encodeURIComponent(`dateLastModified>'${before}'`)}`,
      );
      expect(delta.records.map((record) => [record.sourcedId, record.status])).toEqual([
        [id, "tobedeleted"],
      ]);
      const byStatus = await list(service, `&filter=${encodeURIComponent("status='tobedeleted'")}`);
      expect(byStatus.records.map((record) => record.sourcedId)).toEqual([id]);
    },
  );

  it.each(services)(
    "%s: a GET by sourcedId answers the deleted record with its status",
    async (service) => {
      const { collection, id } = deleted[service];
      const response = await gateway.call(service, "GET", `${collection}/${id}`, token);
      expect(response.status).toBe(200);
      const [record] = Object.values((await response.json()) as Record<string, { status: string }>);
      expect(record?.status).toBe("tobedeleted");
    },
  );

  it("nested lists follow the same rule: a class's results leave the deleted one out", async () => {
    const id = deleted.gradebook.id;
    const single = await gateway.call("gradebook", "GET", `/results/${id}`, token);
    const { result } = (await single.json()) as { result: { class: { sourcedId: string } } };
    const path = `/classes/${result.class.sourcedId}/results?limit=1000`;
    const plain = await idsOf(await gateway.call("gradebook", "GET", path, token));
    expect(plain.length).toBeGreaterThan(0);
    expect(plain).not.toContain(id);
    const delta = await idsOf(
      await gateway.call(
        "gradebook",
        "GET",
        `${path}&filter=${encodeURIComponent(`dateLastModified>'${before}'`)}`,
        token,
      ),
    );
    expect(delta).toEqual([id]);
  });
});
