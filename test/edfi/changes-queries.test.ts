import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLogs } from "../../src/db/existing/index.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { bearerFor, testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";

type Doc = Record<string, unknown> & { id: string };
interface Deleted {
  id: string;
  changeVersion: number;
  keyValues: Record<string, unknown>;
}
interface KeyChange {
  id: string;
  changeVersion: number;
  oldKeyValues: Record<string, unknown>;
  newKeyValues: Record<string, unknown>;
}

const BASE = "/ed-fi/data/v3/ed-fi";

describe("Ed-Fi change queries", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let harness: ReturnType<typeof testApp>;
  let reader: string;
  let start: number;
  /** A student's role at a school, with the SSA document the API served for it before the changes. */
  let moved: { roleId: string; school: string; before: Doc };
  let removed: { roleId: string; before: Doc };
  let purged: { roleId: string; before: Doc };
  let renumbered: { school: string; before: Doc };

  const get = async (path: string, token = reader) => {
    const response = await harness.app.request(path, { headers: { authorization: token } });
    return response;
  };
  const json = async <T>(path: string, token = reader): Promise<T> => {
    const response = await get(path, token);
    expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
    return (await response.json()) as T;
  };
  const ssaOfRole = async (roleId: string) =>
    (await json<Doc[]>(`${BASE}/studentSchoolAssociations?limit=500`)).find(
      (doc) => doc.id === roleId.replaceAll("-", ""),
    ) as Doc;
  const newest = async () =>
    (
      await json<{ oldestChangeVersion: number; newestChangeVersion: number }>(
        "/ed-fi/changeQueries/v1/availableChangeVersions",
      )
    ).newestChangeVersion;
  const tx = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(database.db, tenant.id, work);

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await tenantWithDistrict(database.db, "edfi-changes", 12);
    harness = testApp(database);
    reader = await bearerFor(harness.app, database, tenant, ["edfi.readonly"]);
    const roles = await tx((t) =>
      queryRows<{ id: string; org_sourced_id: string }>(
        t,
        sql`select r.id::text as id, r.org_sourced_id from user_roles r join orgs o
              on o.tenant_id = r.tenant_id and o.sourced_id = r.org_sourced_id
            where r.role = 'student' and o.type = 'school' and r.status = 'active'
            order by r.sourced_id limit 3`,
      ),
    );
    const [a, b, c] = roles as [(typeof roles)[0], (typeof roles)[0], (typeof roles)[0]];
    const otherSchool = await tx((t) =>
      queryRows<{ sourced_id: string }>(
        t,
        sql`select sourced_id from orgs where type = 'school' and sourced_id <> ${a.org_sourced_id}
            order by sourced_id limit 1`,
      ),
    );
    moved = { roleId: a.id, school: a.org_sourced_id, before: await ssaOfRole(a.id) };
    removed = { roleId: b.id, before: await ssaOfRole(b.id) };
    purged = { roleId: c.id, before: await ssaOfRole(c.id) };
    const school = otherSchool[0]?.sourced_id ?? "";
    const [schoolRow] = await tx((t) =>
      queryRows<{ id: string }>(
        t,
        sql`select id::text as id from orgs where sourced_id = ${school}`,
      ),
    );
    renumbered = {
      school,
      before: (await json<Doc[]>(`${BASE}/schools?limit=500`)).find(
        (doc) => doc.id === schoolRow?.id.replaceAll("-", ""),
      ) as Doc,
    };

    start = await newest();
    await tx(async (t) => {
      await t.execute(
        sql`update user_roles set begin_date = '2001-02-03' where id = ${moved.roleId}::uuid`,
      );
      await t.execute(
        sql`update user_roles set status = 'tobedeleted' where id = ${removed.roleId}::uuid`,
      );
      await t.execute(sql`delete from user_roles where id = ${purged.roleId}::uuid`);
      await t.execute(
        sql`update orgs set edfi_id = 987654321 where sourced_id = ${renumbered.school}`,
      );
    });
  });
  afterAll(() => database.close());

  it("tells the available change versions, which grow with every change", async () => {
    const versions = await json<{ oldestChangeVersion: number; newestChangeVersion: number }>(
      "/ed-fi/changeQueries/v1/availableChangeVersions",
    );
    expect(versions.oldestChangeVersion).toBe(0);
    expect(versions.newestChangeVersion).toBeGreaterThan(start);
  });

  it("lists in the resource only what changed after minChangeVersion, with its new key", async () => {
    const changed = await json<Doc[]>(
      `${BASE}/studentSchoolAssociations?minChangeVersion=${start + 1}&limit=500`,
    );
    const ids = changed.map((doc) => doc.id);
    expect(ids).toContain(moved.before.id);
    expect(ids).not.toContain(removed.before.id);
    expect(changed.find((doc) => doc.id === moved.before.id)?.entryDate).toBe("2001-02-03");
    const all = await json<Doc[]>(`${BASE}/studentSchoolAssociations?limit=500`);
    expect(changed.length).toBeLessThan(all.length);
    const untilStart = await json<Doc[]>(
      `${BASE}/studentSchoolAssociations?maxChangeVersion=${start}&limit=500`,
    );
    expect(untilStart.map((doc) => doc.id)).not.toContain(moved.before.id);
  });

  it("lists records deleted (tobedeleted, and removed for good) in /deletes, with their natural keys", async () => {
    const deletes = await json<Deleted[]>(
      `${BASE}/studentSchoolAssociations/deletes?minChangeVersion=${start + 1}`,
    );
    const key = (doc: Doc) => ({
      studentUniqueId: (doc.studentReference as Record<string, unknown>).studentUniqueId,
      schoolId: (doc.schoolReference as Record<string, unknown>).schoolId,
      entryDate: doc.entryDate,
    });
    expect(deletes.map((d) => d.id).sort()).toEqual([removed.before.id, purged.before.id].sort());
    for (const { before } of [removed, purged]) {
      const entry = deletes.find((d) => d.id === before.id);
      expect(entry?.keyValues).toEqual(key(before));
      expect(entry?.changeVersion).toBeGreaterThan(start);
    }
    expect(
      await json<Deleted[]>(`${BASE}/studentSchoolAssociations/deletes?maxChangeVersion=${start}`),
    ).toEqual([]);
  });

  it("lists natural keys that changed in /keyChanges: a role's begin date, and a school's Ed-Fi id in every association keyed by it", async () => {
    const changes = await json<KeyChange[]>(
      `${BASE}/studentSchoolAssociations/keyChanges?minChangeVersion=${start + 1}`,
    );
    const entry = changes.find((c) => c.id === moved.before.id);
    expect(entry?.oldKeyValues).toMatchObject({ entryDate: moved.before.entryDate });
    expect(entry?.newKeyValues).toMatchObject({ entryDate: "2001-02-03" });
    const renumberedOld = renumbered.before.schoolId as number;
    const bySchool = changes.filter((c) => c.oldKeyValues.schoolId === renumberedOld);
    expect(bySchool.length).toBeGreaterThan(0);
    for (const c of bySchool) expect(c.newKeyValues.schoolId).toBe(987654321);

    const schools = await json<KeyChange[]>(
      `${BASE}/schools/keyChanges?minChangeVersion=${start + 1}`,
    );
    expect(schools).toEqual([
      {
        id: renumbered.before.id,
        changeVersion: expect.any(Number),
        oldKeyValues: { schoolId: renumberedOld },
        newKeyValues: { schoolId: 987654321 },
      },
    ]);
    expect(await json<KeyChange[]>(`${BASE}/schools/keyChanges?maxChangeVersion=${start}`)).toEqual(
      [],
    );
  });

  it("pages /deletes and /keyChanges with offset and limit, and counts them with totalCount", async () => {
    const all = await json<KeyChange[]>(
      `${BASE}/studentSchoolAssociations/keyChanges?minChangeVersion=${start + 1}`,
    );
    expect(all.length).toBeGreaterThan(1);
    const response = await get(
      `${BASE}/studentSchoolAssociations/keyChanges?minChangeVersion=${start + 1}&offset=1&limit=1&totalCount=true`,
    );
    expect(response.headers.get("total-count")).toBe(String(all.length));
    expect(await response.json()).toEqual([all[1]]);
    const bad = await get(`${BASE}/schools/deletes?limit=501`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
  });

  it("logs one disclosure for a student /deletes response", async () => {
    const query = `minChangeVersion=${start + 1}`;
    const loggedCounts = async () => {
      const rows = await tx((t) =>
        t
          .select()
          .from(auditLogs)
          .where(
            and(
              eq(auditLogs.action, "disclose"),
              eq(auditLogs.endpoint, `GET ${BASE}/studentSchoolAssociations/deletes`),
              eq(auditLogs.query, query),
            ),
          ),
      );
      return rows.map((row) => row.recordCount).sort();
    };
    const before = await loggedCounts();
    await json(`${BASE}/studentSchoolAssociations/deletes?${query}`);
    // Earlier tests may have asked the same: this request adds exactly one record, of 2 deletes.
    expect(await loggedCounts()).toEqual([...before, 2].sort());
  });

  it("shows an org-restricted client only the changes of its orgs", async () => {
    const restricted = await bearerFor(harness.app, database, tenant, ["edfi.readonly"], {
      orgSourcedId: moved.school,
    });
    const changes = await json<KeyChange[]>(
      `${BASE}/studentSchoolAssociations/keyChanges?minChangeVersion=${start + 1}`,
      restricted,
    );
    expect(changes.map((c) => c.id)).toContain(moved.before.id);
    const renumberedOld = renumbered.before.schoolId as number;
    expect(changes.filter((c) => c.oldKeyValues.schoolId === renumberedOld)).toEqual([]);
  });

  it("lists the /deletes and /keyChanges paths in the resources metadata", async () => {
    const document = await json<{ paths: Record<string, unknown> }>(
      "/ed-fi/metadata/data/v3/resources/swagger.json",
    );
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/ed-fi/studentSchoolAssociations/deletes",
        "/ed-fi/studentSchoolAssociations/keyChanges",
      ]),
    );
  });

  it("answers an unknown resource with a problem", async () => {
    const response = await get(`${BASE}/unicorns/deletes`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});
