import { join } from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLogs } from "../../src/db/existing/index.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { results, users } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { importPackage } from "../../src/imports/import-package.ts";
import { withUser } from "../../src/platform/index.ts";
import { createTenant } from "../../src/tenants/tenants.ts";
import { type Gateway, scope, startGateway } from "../oneroster/support/gateway.ts";
import { districtFiles, scratchDir, writePackage } from "../support/packages.ts";

describe("change history of people and grades, from every path", () => {
  let gateway: Gateway;

  /** The change-history records of one table's rows (of one record, when named), oldest first. */
  const historyOf = (tenantId: string, entity: string, sourcedId?: string) =>
    withTenant(gateway.database.db, tenantId, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(
          and(
            eq(auditLogs.entity, entity),
            eq(auditLogs.purpose, "change history"),
            sourcedId ? sql`${auditLogs.entityIds} = array[${sourcedId}]::text[]` : undefined,
          ),
        )
        .orderBy(asc(auditLogs.occurredAt)),
    );

  beforeAll(async () => {
    gateway = await startGateway({ students: 10 });
  });
  afterAll(() => gateway.close());

  it("an import records one insert per person and per result", async () => {
    const tenant = await createTenant(gateway.database.db, "imported", "Imported District");
    const zip = await writePackage(join(scratchDir(), "district.zip"), districtFiles(5));
    const outcome = await importPackage(gateway.database.db, tenant, zip, { maxRemovalShare: 1 });
    expect(outcome.status).toBe("succeeded");
    const [held] = await withTenant(gateway.database.db, tenant.id, (tx) =>
      queryRows<{ users: number; results: number }>(
        tx,
        sql`select (select count(*)::int from users) as users, (select count(*)::int from results) as results`,
      ),
    );
    expect(held?.results).toBeGreaterThan(0);
    const people = await historyOf(tenant.id, "users");
    const grades = await historyOf(tenant.id, "results");
    expect({ users: people.length, results: grades.length }).toEqual(held);
    expect(new Set(people.map((entry) => entry.action))).toEqual(new Set(["insert"]));
    expect(people[0]?.changes).toMatchObject({ new: { given_name: expect.any(String) } });
  });

  it("a REST write records the result's insert, then only what each update changed", async () => {
    const token = await gateway.token({
      scopes: [scope("gradebook.readonly"), scope("gradebook.createput")],
    });
    const [graded] = await withTenant(gateway.database.db, gateway.tenant.id, (tx) =>
      tx.select().from(results).limit(1),
    );
    if (!graded) throw new Error("the demo district holds no result");
    const put = (score: number) =>
      gateway.call("gradebook", "PUT", "/results/history-1", token, {
        result: {
          lineItem: { sourcedId: graded.lineItemSourcedId },
          student: { sourcedId: graded.studentSourcedId },
          scoreStatus: "fully graded",
          score,
          scoreDate: "2025-01-14",
        },
      });
    expect((await put(80)).status).toBe(201);
    expect((await put(90)).status).toBe(201);
    const trail = await historyOf(gateway.tenant.id, "results", "history-1");
    expect(trail.map((entry) => entry.action)).toEqual(["insert", "update"]);
    expect(trail[0]?.changes).toMatchObject({ new: { score: 80, sourced_id: "history-1" } });
    expect(trail[1]?.changes).toEqual({ score: { old: 80, new: 90 } });
  });

  it("a direct update records only the changed columns, never a credential, by the connection's user", async () => {
    const db = gateway.database.db;
    const [person] = await withTenant(db, gateway.tenant.id, (tx) =>
      tx.select().from(users).limit(1),
    );
    if (!person) throw new Error("the demo district holds no user");
    const before = (await historyOf(gateway.tenant.id, "users", person.sourcedId)).length;
    await withTenant(db, gateway.tenant.id, (tx) =>
      tx
        .update(users)
        .set({ givenName: "Renamed", password: "$2b$10$not-for-the-audit-log" })
        .where(eq(users.sourcedId, person.sourcedId)),
    );
    const trail = await historyOf(gateway.tenant.id, "users", person.sourcedId);
    expect(trail).toHaveLength(before + 1);
    expect(trail.at(-1)).toMatchObject({
      action: "update",
      actorType: "system",
      changes: { given_name: { old: person.givenName, new: "Renamed" } },
    });
    expect(Object.keys(trail.at(-1)?.changes as object)).toEqual(["given_name"]);
  });

  it("an end user's change of their own profile names them as the actor", async () => {
    const db = gateway.database.db;
    const [person] = await withTenant(db, gateway.tenant.id, (tx) =>
      queryRows<{ sourced_id: string }>(
        tx,
        sql`select u.sourced_id from users u
            where exists (select 1 from user_roles r where r.user_sourced_id = u.sourced_id and r.status = 'active')
            limit 1`,
      ),
    );
    if (!person) throw new Error("the demo district holds no user with a role");
    await withUser(db, gateway.tenant.id, person.sourced_id, (tx) =>
      tx
        .update(users)
        .set({ preferredFirstName: "Sam" })
        .where(eq(users.sourcedId, person.sourced_id)),
    );
    const trail = await historyOf(gateway.tenant.id, "users", person.sourced_id);
    expect(trail.at(-1)).toMatchObject({
      action: "update",
      actorType: "user",
      actorId: person.sourced_id,
      changes: { preferred_first_name: { old: null, new: "Sam" } },
    });
  });
});
