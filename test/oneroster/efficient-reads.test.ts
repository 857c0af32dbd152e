import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientStateCache } from "../../src/auth/client-state.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { parseCollectionQuery } from "../../src/oneroster/query/index.ts";
import { collectionStatements, type ReadModel } from "../../src/oneroster/read/index.ts";
import { ROSTERING_SERVICE } from "../../src/oneroster/rostering/index.ts";
import { type Gateway, idsOf, startGateway } from "./support/gateway.ts";
import { statementLog } from "./support/statement-log.ts";

describe("reads cost a fixed number of statements, whatever the page size", () => {
  let gateway: Gateway;
  let log: string[];
  let token: string;

  beforeAll(async () => {
    gateway = await startGateway({
      wrapDatabase: (db) => {
        const watched = statementLog(db);
        log = watched.log;
        return watched.db;
      },
      // The client's state is read once here and kept, so only the reads' own statements count.
      clientStates: new ClientStateCache({ ttlMs: 60 * 60_000 }),
    });
    token = await gateway.token();
    expect((await gateway.get("/orgs?limit=1", token)).status).toBe(200);
  });
  afterAll(() => gateway?.close());

  const statementsFor = async (path: string) => {
    log.length = 0;
    expect((await gateway.get(path, token)).status).toBe(200);
    return [...log];
  };

  it("a page of users, its nested lists, its count and its disclosure record: one statement", async () => {
    const small = await statementsFor("/users?limit=5");
    const large = await statementsFor("/users?limit=100");
    expect(large).toHaveLength(small.length);
    // set_config: the tenant context of the transaction; then the read itself.
    expect(large).toEqual([expect.stringContaining("set_config"), expect.any(String)]);
    const read = large[1] ?? "";
    for (const part of ['from "users"', "user_roles", "user_profiles", "user_resources"]) {
      expect(read).toContain(part);
    }
    expect(read).toMatch(/insert into audit_logs/);
    expect(read).toMatch(/count\(\*\)/);
  });

  it("a deep page reads the rows it skips on their keys only, and costs the same statements", async () => {
    const deep = await statementsFor("/users?limit=5&offset=20");
    expect(deep).toHaveLength(2);
    expect(deep[1]).toMatch(/select u\."sourced_id" as "#key", row_number\(\) over/);
  });

  it("fields that leave out nested lists skip their queries", async () => {
    const names = await statementsFor("/users?limit=100&fields=sourcedId,givenName");
    expect(names.some((statement) => statement.includes("user_roles r\n"))).toBe(false);
    expect(names).toHaveLength(2);
  });

  it("one user costs the same one statement", async () => {
    const [id] = await idsOf(await gateway.get("/users?limit=1", token));
    expect(await statementsFor(`/users/${id}`)).toHaveLength(2);
  });
});

describe("delta and status filters use an index on every collection", () => {
  let gateway: Gateway;

  let afterSeed: string;

  beforeAll(async () => {
    gateway = await startGateway({ students: 20 });
    afterSeed = new Date().toISOString();
    // Fresh statistics, as autovacuum would have them on a live server.
    await gateway.database.db.execute(sql`analyze`);
  });
  afterAll(() => gateway?.close());

  const models = Object.values(ROSTERING_SERVICE.models) as ReadModel[];

  /**
   * The plan of a page query. The demo tables are small enough to read whole, so sequential
   * scans are priced out to see which index the planner would pick on a large district.
   */
  const planOf = (model: ReadModel, filter: string) => {
    const query = parseCollectionQuery(
      { filter },
      {
        fields: model.fields,
        selectable: model.selectable,
        defaultLimit: 100,
        maxLimit: 100,
        tiebreak: model.key,
      },
    );
    const { page } = collectionStatements(
      model,
      { scope: { tenantId: gateway.tenant.id, orgs: undefined } },
      query,
    );
    return withTenant(gateway.database.db, gateway.tenant.id, async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await queryRows<{ "QUERY PLAN": string }>(tx, sql`explain ${page}`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
  };

  it.each(models.map((model) => [model.entity, model] as const))(
    "%s: a status filter reads the status index, a delta pull the modification index",
    async (_, model) => {
      // Selective filters, as on a large district: few deletions, few changes since the last pull.
      const status = await planOf(model, "status='tobedeleted'");
      expect(status).toContain(`${model.table}_status_idx`);
      const delta = await planOf(model, `dateLastModified>'${afterSeed}'`);
      expect(delta).toContain(`${model.table}_modified_idx`);
    },
  );
});
