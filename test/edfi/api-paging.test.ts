import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Gateway, startGateway } from "../oneroster/support/gateway.ts";
import { DATA, type Doc, EDFI_READ, edfiGet, readAll } from "./support/edfi-client.ts";

let gateway: Gateway;
let token: string;

beforeAll(async () => {
  gateway = await startGateway({ students: 30 });
  token = await gateway.token({ scopes: EDFI_READ });
}, 120_000);
afterAll(() => gateway?.close());

const ids = async (response: Response) => ((await response.json()) as Doc[]).map((d) => d.id);

describe("paging an Ed-Fi collection", () => {
  it("offset paging: 25 by default, Total-Count on request, pages in a stable order covering every record once", async () => {
    const first = await edfiGet(gateway, `${DATA}/studentSchoolAttendanceEvents`, token);
    expect(first.status).toBe(200);
    expect(first.headers.get("total-count")).toBeNull();
    expect(await ids(first)).toHaveLength(25);

    const counted = await edfiGet(
      gateway,
      `${DATA}/studentSchoolAttendanceEvents?limit=0&totalCount=true`,
      token,
    );
    expect(await counted.json()).toEqual([]);
    const total = Number(counted.headers.get("total-count"));
    expect(total).toBeGreaterThan(250);

    const seen: string[] = [];
    for (let offset = 0; offset < total; offset += 100) {
      const page = await edfiGet(
        gateway,
        `${DATA}/studentSchoolAttendanceEvents?offset=${offset}&limit=100&totalCount=true`,
        token,
      );
      expect(page.headers.get("total-count")).toBe(String(total));
      seen.push(...(await ids(page)));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it("refuses a limit above 500, a negative offset and unknown parameters, with problem details", async () => {
    for (const query of [
      "limit=501",
      "offset=-1",
      "limit=ten",
      "schoolYear=2026",
      "offset=0&pageToken=x",
      "pageSize=10&totalCount=true",
    ]) {
      const response = await edfiGet(gateway, `${DATA}/students?${query}`, token);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await response.json()) as { type: string; detail: string };
      expect(problem.type).toBe("urn:ed-fi:api:bad-request");
      expect(problem.detail.length).toBeGreaterThan(10);
    }
  });

  it("cursor paging and partitions each cover every record exactly once", async () => {
    const total = Number(
      (
        await edfiGet(gateway, `${DATA}/studentSectionAssociations?limit=0&totalCount=true`, token)
      ).headers.get("total-count"),
    );
    expect(total).toBeGreaterThan(100);
    const cursor = await readAll(gateway, token, "studentSectionAssociations", 37);
    expect(cursor).toHaveLength(total);
    expect(new Set(cursor.map((d) => d.id)).size).toBe(total);

    const partitions = await edfiGet(
      gateway,
      `${DATA}/studentSectionAssociations/partitions?number=4`,
      token,
    );
    const { pageTokens } = (await partitions.json()) as { pageTokens: string[] };
    expect(pageTokens).toHaveLength(4);
    const fromPartitions: string[] = [];
    for (const start of pageTokens) {
      let next: string | null = start;
      while (next !== null) {
        const page: Response = await edfiGet(
          gateway,
          `${DATA}/studentSectionAssociations?pageSize=50&pageToken=${next}`,
          token,
        );
        expect(page.status).toBe(200);
        fromPartitions.push(...(await ids(page)));
        next = page.headers.get("next-page-token");
      }
    }
    expect(fromPartitions.sort()).toEqual(cursor.map((d) => d.id).sort());
  });

  it("natural-key query parameters select one record; GET by id returns it with its ETag", async () => {
    const [student] = (await (
      await edfiGet(gateway, `${DATA}/students?limit=1`, token)
    ).json()) as Doc[];
    const byKey = await edfiGet(
      gateway,
      `${DATA}/students?studentUniqueId=${student?.studentUniqueId}`,
      token,
    );
    expect(await byKey.json()).toEqual([student]);
    const byId = await edfiGet(gateway, `${DATA}/students/${student?.id}`, token);
    expect(byId.status).toBe(200);
    expect(await byId.json()).toEqual(student);
    expect(byId.headers.get("etag")).toBe(student?._etag);
    const notModified = await gateway.app.request(`${DATA}/students/${student?.id}`, {
      headers: { authorization: `Bearer ${token}`, "if-none-match": String(student?._etag) },
    });
    expect(notModified.status).toBe(304);
  });
});
