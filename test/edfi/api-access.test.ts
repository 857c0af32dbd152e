import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { type Gateway, ROSTER_READ, startGateway } from "../oneroster/support/gateway.ts";
import { DATA, type Doc, EDFI_READ, edfiGet, readAll } from "./support/edfi-client.ts";

let gateway: Gateway;
let north: string;
let south: string;

beforeAll(async () => {
  gateway = await startGateway({ tenants: ["north", "south"], students: 30 });
  north = await gateway.token({ scopes: EDFI_READ });
  south = await gateway.token({ scopes: EDFI_READ, tenant: gateway.tenants[1] });
}, 180_000);
afterAll(() => gateway?.close());

const clientOf = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1] as string, "base64url").toString()).sub as string;

interface AuditRow {
  actor_id: string;
  entity: string;
  entity_ids: string[];
  record_count: number;
  purpose: string;
  endpoint: string;
}

const disclosures = (tenantId: string, token: string) =>
  withTenant(gateway.database.db, tenantId, (tx) =>
    queryRows<AuditRow>(
      tx,
      sql`select * from audit_logs where action = 'disclose' and actor_id = ${clientOf(token)} order by occurred_at, id`,
    ),
  );

describe("who may read the Ed-Fi API", () => {
  it("needs a bearer token and the edfi.readonly scope; errors are Ed-Fi problem details", async () => {
    const anonymous = await edfiGet(gateway, `${DATA}/students`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { type: string }).type).toBe(
      "urn:ed-fi:api:security:authentication",
    );
    const roster = await gateway.token({ scopes: ROSTER_READ });
    const refused = await edfiGet(gateway, `${DATA}/students`, roster);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(((await refused.json()) as { detail: string }).detail).toContain("edfi.readonly");
    expect((await edfiGet(gateway, `${DATA}/gradeLevelDescriptors`, roster)).status).toBe(403);
  });

  it("POST /ed-fi/oauth/token issues tokens to the same clients; token_info describes one", async () => {
    const { createClient } = await import("../../src/auth/clients.ts");
    const client = await createClient(gateway.database.db, gateway.tenant, {
      name: "sis",
      scopes: EDFI_READ,
    });
    const issued = await gateway.app.request("/ed-fi/oauth/token", {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    expect(issued.status).toBe(200);
    const { access_token } = (await issued.json()) as { access_token: string };
    expect((await edfiGet(gateway, `${DATA}/schools`, access_token)).status).toBe(200);
    const info = await gateway.app.request("/ed-fi/oauth/token_info", {
      method: "POST",
      headers: {
        authorization: `Bearer ${access_token}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: `token=${access_token}`,
    });
    expect(info.status).toBe(200);
    const body = (await info.json()) as {
      active: boolean;
      client_id: string;
      education_organizations: unknown[];
    };
    expect(body.active).toBe(true);
    expect(body.client_id).toBe(client.clientId);
    const schools = (await (
      await edfiGet(gateway, `${DATA}/schools`, access_token)
    ).json()) as Doc[];
    expect(body.education_organizations.length).toBe(schools.length + 1);
  });

  it("a tenant sees only its own records; another tenant's ids are 404", async () => {
    const northStudents = await readAll(gateway, north, "students");
    const southStudents = await readAll(gateway, south, "students");
    expect(northStudents.length).toBe(30);
    expect(southStudents.length).toBe(30);
    const northIds = new Set(northStudents.map((d) => d.id));
    for (const student of southStudents) expect(northIds.has(student.id)).toBe(false);
    for (const endpoint of ["students", "studentSchoolAssociations", "grades", "schools"]) {
      const [theirs] = await readAll(gateway, south, endpoint);
      const response = await edfiGet(gateway, `${DATA}/${endpoint}/${theirs?.id}`, north);
      expect(response.status, endpoint).toBe(404);
      expect(((await response.json()) as { type: string }).type).toBe("urn:ed-fi:api:not-found");
    }
  });

  it("a client restricted to a school sees that school's records only", async () => {
    const all = await readAll(gateway, north, "studentSchoolAssociations");
    const [first] = all;
    if (first === undefined) throw new Error("the demo district has no enrollments");
    const school = (first.schoolReference as { schoolId: number }).schoolId;
    const [org] = await withTenant(gateway.database.db, gateway.tenant.id, (tx) =>
      queryRows<{ sourced_id: string }>(
        tx,
        sql`select sourced_id from orgs where type = 'school'
              and coalesce(edfi_id, ('x' || substr(md5(sourced_id), 1, 12))::bit(48)::bigint) = ${school}`,
      ),
    );
    const restricted = await gateway.token({ scopes: EDFI_READ, orgSourcedId: org?.sourced_id });
    const theirs = await readAll(gateway, restricted, "studentSchoolAssociations");
    const expected = all.filter(
      (d) => (d.schoolReference as { schoolId: number }).schoolId === school,
    );
    expect(theirs.map((d) => d.id).sort()).toEqual(expected.map((d) => d.id).sort());
    expect(theirs.length).toBeLessThan(all.length);

    const students = new Set(
      theirs.map((d) => (d.studentReference as { studentUniqueId: string }).studentUniqueId),
    );
    const visible = await readAll(gateway, restricted, "students");
    expect(visible.map((d) => d.studentUniqueId).sort()).toEqual([...students].sort());
    const other = all.find(
      (d) => !students.has((d.studentReference as { studentUniqueId: string }).studentUniqueId),
    );
    expect(
      (await edfiGet(gateway, `${DATA}/studentSchoolAssociations/${other?.id}`, restricted)).status,
    ).toBe(404);
    const schools = await readAll(gateway, restricted, "schools");
    expect(schools.map((d) => d.schoolId)).toEqual([school]);
  });

  it("writes one disclosure record per response of student data, with purpose and count, and none for other data", async () => {
    const token = await gateway.token({ scopes: EDFI_READ });
    await edfiGet(gateway, `${DATA}/students?limit=7&purpose=state%20reporting`, token);
    await edfiGet(gateway, `${DATA}/grades?limit=3`, token);
    await edfiGet(gateway, `${DATA}/schools`, token);
    await edfiGet(gateway, `${DATA}/gradeLevelDescriptors`, token);
    const [first, second, ...rest] = await disclosures(gateway.tenant.id, token);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      entity: "edfi:students",
      record_count: 7,
      purpose: "state reporting",
    });
    expect(first?.entity_ids).toHaveLength(7);
    expect(first?.endpoint).toBe("GET /ed-fi/data/v3/ed-fi/students");
    expect(second).toMatchObject({
      entity: "edfi:grades",
      record_count: 3,
      purpose: "edfi:get:grades",
    });
  });
});
