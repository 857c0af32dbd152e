import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { type Gateway, idsOf, scope, startGateway } from "./support/gateway.ts";
import { statusInfoOf } from "./support/status-info.ts";

interface AuditRow {
  actor_type: string;
  actor_id: string;
  tenant_id: string;
  action: string;
  entity: string;
  entity_ids: string[];
  endpoint: string;
  query: string;
  record_count: number;
  purpose: string;
  changes: unknown;
  occurred_at: unknown;
}

describe("the disclosure log", () => {
  let gateway: Gateway;
  let token: string;
  let clientId: string;

  beforeAll(async () => {
    gateway = await startGateway();
    token = await gateway.token();
    clientId = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).sub;
  });
  afterAll(() => gateway?.close());

  const disclosures = () =>
    withTenant(gateway.database.db, gateway.tenant.id, (tx) =>
      queryRows<AuditRow>(
        tx,
        sql`select * from audit_logs where action = 'disclose' order by occurred_at, id`,
      ),
    );

  const owner = (statement: string) => gateway.database.db.execute(sql.raw(statement));

  let before: number;
  beforeEach(async () => {
    before = (await disclosures()).length;
  });
  const newDisclosures = async () => (await disclosures()).slice(before);

  it("records who read which students, how many, and how they asked, but no student data", async () => {
    const response = await gateway.get("/students?limit=5&filter=status%3D'active'", token);
    const ids = await idsOf(response);
    const [record, ...more] = await newDisclosures();
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      actor_type: "client",
      actor_id: clientId,
      tenant_id: gateway.tenant.id,
      action: "disclose",
      entity: "user",
      entity_ids: ids,
      endpoint: "GET /ims/oneroster/rostering/v1p2/students",
      query: "limit=5&filter=status='active'",
      record_count: 5,
      purpose: "oneroster:getAllStudents",
      changes: null,
    });
    expect(record?.occurred_at).toBeTruthy();
  });

  it("records a single student, their demographics and their timetable", async () => {
    const [student] = await idsOf(await gateway.get("/students?limit=1", token));
    before = (await disclosures()).length;
    await gateway.get(`/students/${student}`, token);
    await gateway.get(`/demographics/${student}`, token);
    await gateway.get(`/students/${student}/classes`, token);
    const records = await newDisclosures();
    expect(records.map((r) => [r.purpose, r.entity, r.record_count > 0])).toEqual([
      ["oneroster:getStudent", "user", true],
      ["oneroster:getDemographics", "demographics", true],
      ["oneroster:getClassesForStudent", "class", true],
    ]);
  });

  it("records enrollments and whole user lists, which hold students", async () => {
    await gateway.get("/enrollments?limit=3", token);
    await gateway.get("/users?limit=3", token);
    expect((await newDisclosures()).map((r) => r.purpose)).toEqual([
      "oneroster:getAllEnrollments",
      "oneroster:getAllUsers",
    ]);
  });

  it("records nothing for responses without student data", async () => {
    for (const path of ["/orgs", "/schools", "/courses", "/classes", "/terms", "/teachers"]) {
      expect((await gateway.get(path, token)).status).toBe(200);
    }
    expect(await newDisclosures()).toEqual([]);
  });

  it("records nothing for refused requests", async () => {
    const core = await gateway.token({ scopes: [scope("roster-core.readonly")] });
    const statuses = [
      (await gateway.get("/students?filter=nope", token)).status,
      (await gateway.get("/students/no-such-student", token)).status,
      (await gateway.get("/schools/no-such-school/students", token)).status,
      (await gateway.get("/students", undefined)).status,
      (await gateway.get("/demographics", core)).status,
    ];
    expect(statuses).toEqual([400, 404, 404, 401, 403]);
    expect(await newDisclosures()).toEqual([]);
  });

  it("fails the request, without data or internals, when the record cannot be written", async () => {
    await owner("revoke insert on audit_logs from tsa_app");
    try {
      const response = await gateway.get("/students?limit=5", token);
      expect(response.status).toBe(500);
      const { codeMinor, body } = await statusInfoOf(response);
      expect(codeMinor).toBe("internal_server_error");
      expect(JSON.stringify(body)).not.toMatch(/audit|permission|insert|select|stu-/i);
      // Reads that disclose nothing need no record and still work.
      expect((await gateway.get("/orgs", token)).status).toBe(200);
    } finally {
      await owner("grant insert on audit_logs to tsa_app");
    }
    expect((await gateway.get("/students?limit=5", token)).status).toBe(200);
  });
});
