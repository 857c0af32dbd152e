import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { expectRefusal } from "../support/violations.ts";

/** What the application role may do to the audit tables, as the gateway runs (tsa_app). */
describe("the audit log, append-only for the gateway", () => {
  let database: TestDatabase;
  let tenant: Tenant;

  const asApplication = (statement: ReturnType<typeof sql>) =>
    withTenant(database.db, tenant.id, (tx) => queryRows(tx, statement));

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTenant(database.db, "audited", "Audited network");
    const [logged] = await withTenant(database.db, tenant.id, (tx) =>
      queryRows<{ id: string; occurred_at: string }>(
        tx,
        sql`insert into audit_logs (tenant_id, actor_type, actor_id, action)
            values (${tenant.id}, 'client', 'c-1', 'disclose') returning id, occurred_at`,
      ),
    );
    await asApplication(
      sql`insert into audit_disclosed_records (tenant_id, audit_log_id, occurred_at, file, chunk, sourced_ids)
          values (${tenant.id}, ${logged?.id}, ${logged?.occurred_at}, 'users.csv', 0, '{u-1,u-2}')`,
    );
  });
  afterAll(() => database.close());

  it.each(["audit_logs", "audit_disclosed_records"])(
    "lets the application append to and read %s",
    async (table) => {
      const rows = await asApplication(sql`select * from ${sql.identifier(table)}`);
      expect(rows).toHaveLength(1);
    },
  );

  it.each([
    ["UPDATE", "audit_logs", sql`update audit_logs set purpose = 'rewritten'`],
    ["DELETE", "audit_logs", sql`delete from audit_logs`],
    ["TRUNCATE", "audit_logs", sql`truncate audit_logs`],
    [
      "UPDATE",
      "audit_disclosed_records",
      sql`update audit_disclosed_records set sourced_ids = '{}'`,
    ],
    ["DELETE", "audit_disclosed_records", sql`delete from audit_disclosed_records`],
    ["TRUNCATE", "audit_disclosed_records", sql`truncate audit_disclosed_records`],
  ])("refuses the application %s on %s", async (_, table, statement) => {
    await expectRefusal(
      asApplication(statement),
      new RegExp(`permission denied for table ${table}`),
    );
  });

  it("stays append-only after a later migration re-applies the tenant-table rules", async () => {
    await queryRows(database.db, sql`select enforce_tenant_tables()`);
    const privileges = await queryRows<{ table: string; privilege: string }>(
      database.db,
      sql`select t.name as "table", p.privilege from unnest(array['audit_logs', 'audit_disclosed_records']) t (name)
          cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p (privilege)
          where has_table_privilege('tsa_app', t.name, p.privilege) order by 1, 2`,
    );
    expect(privileges).toEqual([
      { table: "audit_disclosed_records", privilege: "INSERT" },
      { table: "audit_disclosed_records", privilege: "SELECT" },
      { table: "audit_logs", privilege: "INSERT" },
      { table: "audit_logs", privilege: "SELECT" },
    ]);
    await expectRefusal(asApplication(sql`delete from audit_logs`), /permission denied/);
  });
});
