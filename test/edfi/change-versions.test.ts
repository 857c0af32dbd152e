import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { type Gateway, startGateway } from "../oneroster/support/gateway.ts";
import { DATA, type Doc, EDFI_READ, edfiGet, readAll } from "./support/edfi-client.ts";

let gateway: Gateway;
let token: string;

beforeAll(async () => {
  gateway = await startGateway({ students: 20 });
  token = await gateway.token({ scopes: EDFI_READ });
}, 120_000);
afterAll(() => gateway?.close());

const newest = async () => {
  const [row] = await withTenant(gateway.database.db, gateway.tenant.id, (tx) =>
    queryRows<{ seq: string }>(tx, sql`select last_value::text as seq from change_seq`),
  );
  return Number(row?.seq);
};

const json = async (path: string) => (await (await edfiGet(gateway, path, token)).json()) as Doc[];

describe("change versions", () => {
  it("minChangeVersion returns exactly what changed since; maxChangeVersion bounds the window", async () => {
    const before = await newest();
    expect(await json(`${DATA}/students?minChangeVersion=${before + 1}`)).toEqual([]);
    const all = await readAll(gateway, token, "students");
    expect(all.length).toBe(20);
    const student = all[3] as Doc;

    await withTenant(gateway.database.db, gateway.tenant.id, (tx) =>
      tx.execute(
        sql`update users set family_name = 'Renamed' where sourced_id = ${student.studentUniqueId as string}`,
      ),
    );
    const after = await newest();
    expect(after).toBeGreaterThan(before);

    const changed = await json(`${DATA}/students?minChangeVersion=${before + 1}`);
    expect(changed.map((d) => d.id)).toEqual([student.id]);
    expect(changed[0]?.lastSurname).toBe("Renamed");
    expect(Number(changed[0]?._etag)).toBeGreaterThan(before);
    expect(changed[0]?._etag).not.toBe(student._etag);

    // The student's enrollment documents carry data of the user row (grade), so they changed too.
    const enrollments = await json(
      `${DATA}/studentSchoolAssociations?minChangeVersion=${before + 1}`,
    );
    expect(enrollments.length).toBeGreaterThan(0);
    for (const enrollment of enrollments) {
      expect((enrollment.studentReference as { studentUniqueId: string }).studentUniqueId).toBe(
        student.studentUniqueId,
      );
    }

    expect(await json(`${DATA}/students?maxChangeVersion=${before}&limit=500`)).toHaveLength(19);
    expect(await json(`${DATA}/students?minChangeVersion=${after + 1}`)).toEqual([]);
    expect(await json(`${DATA}/schools?minChangeVersion=${before + 1}`)).toEqual([]);
  });

  it("descriptors have change version 0", async () => {
    expect((await json(`${DATA}/sexDescriptors?minChangeVersion=0`)).length).toBe(4);
    expect(await json(`${DATA}/sexDescriptors?minChangeVersion=1`)).toEqual([]);
  });
});
