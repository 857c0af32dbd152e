import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { orgs, users } from "../../src/db/schema/index.ts";
import { APP_ROLE, withTenant } from "../../src/db/tenant-context.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";
import { expectRefusal } from "../support/violations.ts";

describe("tenant isolation by row-level security, as the application role", () => {
  let database: TestDatabase;
  let a: Tenant;
  let b: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await tenantWithDistrict(database.db, "tenant-a", 20);
    b = await tenantWithDistrict(database.db, "tenant-b", 20);
  });
  afterAll(() => database.close());

  it("runs as a role that is neither superuser, nor BYPASSRLS, nor owner of any table", async () => {
    const [role] = await withTenant(database.db, a.id, (tx) =>
      queryRows<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
        tx,
        sql`select current_user, r.rolsuper, r.rolbypassrls,
              (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
            from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(role).toEqual({
      current_user: APP_ROLE,
      rolsuper: false,
      rolbypassrls: false,
      owned: 0,
    });
  });

  it("forces RLS with a tenant policy on every table that has a tenant_id", async () => {
    const unprotected = await queryRows<{ relname: string }>(
      database.db,
      sql`select c.relname from pg_class c
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
          where c.relkind in ('r', 'p') and not c.relispartition
            and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
            and not (c.relrowsecurity and c.relforcerowsecurity
                     and exists (select 1 from pg_policies p where p.tablename = c.relname and p.policyname = 'tenant_isolation'))`,
    );
    expect(unprotected).toEqual([]);
  });

  it("shows each tenant only its own rows, although both use the same sourcedIds", async () => {
    const seenByA = await withTenant(database.db, a.id, (tx) =>
      tx.select({ tenantId: users.tenantId }).from(users),
    );
    expect(seenByA.length).toBeGreaterThan(20);
    expect(new Set(seenByA.map((r) => r.tenantId))).toEqual(new Set([a.id]));
    const sameIds = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from users x join users y on x.sourced_id = y.sourced_id and x.tenant_id <> y.tenant_id`,
    );
    expect(sameIds[0]?.n).toBeGreaterThan(0);
  });

  it("does not let a tenant read, update, delete or insert another tenant's rows", async () => {
    const [target] = await withTenant(database.db, a.id, (tx) =>
      tx.select({ id: users.id }).from(users).limit(1),
    );
    await withTenant(database.db, b.id, async (tx) => {
      expect(await tx.select().from(users).where(eq(users.id, target!.id))).toEqual([]);
      const updated = await tx
        .update(users)
        .set({ givenName: "Mallory" })
        .where(eq(users.id, target!.id))
        .returning();
      expect(updated).toEqual([]);
      const deleted = await tx.delete(orgs).where(eq(orgs.tenantId, a.id)).returning();
      expect(deleted).toEqual([]);
    });
    await expectRefusal(
      withTenant(database.db, b.id, (tx) =>
        tx
          .insert(orgs)
          .values({ tenantId: a.id, sourcedId: "planted", name: "Planted", type: "school" }),
      ),
      /row-level security/,
    );
    const [still] = await withTenant(database.db, a.id, (tx) =>
      tx.select({ givenName: users.givenName }).from(users).where(eq(users.id, target!.id)),
    );
    expect(still?.givenName).not.toBe("Mallory");
  });

  it("shows nothing at all without a tenant context", async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`);
      return queryRows<{ n: number }>(
        tx,
        sql`select (select count(*) from users)::int + (select count(*) from orgs)::int as n`,
      );
    });
    expect(rows[0]?.n).toBe(0);
  });
});
