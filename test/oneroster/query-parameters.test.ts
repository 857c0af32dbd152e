import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { ROSTERING_OPERATIONS } from "../../src/oneroster/routes/index.ts";
import { demoIds, type PathIds, pathFor } from "./support/demo-ids.ts";
import { type Gateway, idsOf, recordsOf, startGateway } from "./support/gateway.ts";
import { statusInfoOf } from "./support/status-info.ts";

/** `{ first: URL, next: URL, … }` from an RFC 8288 Link header. */
function links(response: Response): Record<string, URL> {
  const header = response.headers.get("link") ?? "";
  return Object.fromEntries(
    [...header.matchAll(/<([^>]+)>;\s*rel="(\w+)"/g)].map(([, url, rel]) => [rel, new URL(url!)]),
  );
}

describe("paging, sorting and field selection on the demo district", () => {
  let gateway: Gateway;
  let token: string;
  let userCount: number;

  beforeAll(async () => {
    gateway = await startGateway({ config: { PAGE_SIZE_MAX: "60" } });
    token = await gateway.token();
    const [row] = await withTenant(gateway.database.db, gateway.tenant.id, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from users`),
    );
    userCount = row!.n;
  });
  afterAll(() => gateway?.close());

  it("without limit, a page holds the default 100 records, or the configured cap if lower", async () => {
    const response = await gateway.get("/users", token);
    expect(await idsOf(response)).toHaveLength(60);
    expect(Number(response.headers.get("x-total-count"))).toBe(userCount);
  });

  it("a limit above the configured cap is served at the cap, and the links say so", async () => {
    const response = await gateway.get("/users?limit=5000", token);
    expect(await idsOf(response)).toHaveLength(60);
    expect(links(response).next?.searchParams.get("limit")).toBe("60");
  });

  it("a small limit gives that many, with the total across all pages", async () => {
    const response = await gateway.get("/users?limit=3", token);
    expect(await idsOf(response)).toHaveLength(3);
    expect(Number(response.headers.get("x-total-count"))).toBe(userCount);
  });

  it("following next links visits every record once, in a stable order", async () => {
    const seen: string[] = [];
    let url: string | undefined = "/users?limit=7";
    while (url) {
      const response = await gateway.get(url, token);
      seen.push(...(await idsOf(response)));
      const next = links(response).next;
      url = next ? `${next.pathname.replace(/^.*\/v1p2/, "")}${next.search}` : undefined;
    }
    expect(seen).toHaveLength(userCount);
    expect(new Set(seen).size).toBe(userCount);
    expect(seen).toEqual([...seen].sort());
  });

  it("the Link header offers first, prev, next and last, keeping filter, sort and fields", async () => {
    const query =
      "filter=status%3D'active'&sort=familyName&fields=sourcedId&fields=familyName&limit=10&offset=20";
    const response = await gateway.get(`/users?${query}`, token);
    const total = Number(response.headers.get("x-total-count"));
    const rel = links(response);
    expect(Object.keys(rel)).toEqual(["first", "prev", "next", "last"]);
    const offsets = Object.fromEntries(
      Object.entries(rel).map(([name, url]) => [name, url.searchParams.get("offset")]),
    );
    expect(offsets).toEqual({
      first: "0",
      prev: "10",
      next: "30",
      last: String(Math.floor((total - 1) / 10) * 10),
    });
    for (const url of Object.values(rel)) {
      expect(url.searchParams.get("filter")).toBe("status='active'");
      expect(url.searchParams.get("sort")).toBe("familyName");
      expect(url.searchParams.getAll("fields")).toEqual(["sourcedId", "familyName"]);
      expect(url.origin + url.pathname).toBe("http://localhost/ims/oneroster/rostering/v1p2/users");
    }
    const followed = await gateway.get(`/users?${rel.next!.search.slice(1)}`, token);
    const direct = await gateway.get(`/users?${query.replace("offset=20", "offset=30")}`, token);
    expect(await idsOf(followed)).toEqual(await idsOf(direct));
  });

  it("the first page has no prev link and the last no next link", async () => {
    const first = links(await gateway.get("/orgs", token));
    expect(Object.keys(first)).toEqual(["first", "last"]);
  });

  it("an offset past the end gives an empty page that still tells the total", async () => {
    const response = await gateway.get("/users?offset=100000", token);
    expect(await response.json()).toEqual({ users: [] });
    expect(Number(response.headers.get("x-total-count"))).toBe(userCount);
  });

  it("sorts by a field in either direction, ties broken by sourcedId", async () => {
    // Every record of one import shares its dateLastModified, so the order is all tiebreak.
    const descending = await idsOf(
      await gateway.get("/users?sort=dateLastModified&orderBy=desc&limit=60", token),
    );
    expect(descending).toEqual([...descending].sort().reverse());
    const byName = await recordsOf(await gateway.get("/users?sort=givenName&limit=60", token));
    const expected = await withTenant(gateway.database.db, gateway.tenant.id, (tx) =>
      queryRows<{ sourced_id: string }>(
        tx,
        sql`select sourced_id from users order by given_name, sourced_id limit 60`,
      ),
    );
    expect(byName.map((user) => user.sourcedId)).toEqual(expected.map((row) => row.sourced_id));
  });

  it("fields, comma-separated or repeated, returns just those fields in that order", async () => {
    const comma = await recordsOf(
      await gateway.get("/users?fields=givenName,sourcedId&limit=2", token),
    );
    const repeated = await recordsOf(
      await gateway.get("/users?fields=givenName&fields=sourcedId&limit=2", token),
    );
    expect(comma).toEqual(repeated);
    for (const user of comma) expect(Object.keys(user)).toEqual(["givenName", "sourcedId"]);
  });

  it("fields on a single object works the same way", async () => {
    const [id] = await idsOf(await gateway.get("/students?limit=1", token));
    const response = await gateway.get(`/students/${id}?fields=sourcedId,roles`, token);
    const body = (await response.json()) as { user: Record<string, unknown> };
    expect(Object.keys(body.user)).toEqual(["sourcedId", "roles"]);
  });

  it.each([
    ["an unknown field in fields", "/users?fields=sourcedId,shoeSize", "invalid_selection_field"],
    ["an empty fields", "/users?fields=", "invalid_selection_field"],
    [
      "an unknown field on a single object",
      "/orgs/org-district?fields=shoeSize",
      "invalid_selection_field",
    ],
    ["sorting on an unknown field", "/users?sort=shoeSize", "invalid_selection_field"],
    ["sorting on a list of values", "/users?sort=roles.role", "invalid_selection_field"],
    ["a limit of zero", "/users?limit=0", "invaliddata"],
    ["a limit that is no number", "/users?limit=ten", "invaliddata"],
    ["a negative offset", "/users?offset=-1", "invaliddata"],
    ["an orderBy other than asc or desc", "/users?orderBy=up", "invaliddata"],
    ["a parameter given twice", "/users?limit=1&limit=2", "invaliddata"],
  ])("%s answers 400 %s", async (_, path, codeMinor) => {
    const response = await gateway.get(path, token);
    expect(response.status).toBe(400);
    expect((await statusInfoOf(response)).codeMinor).toBe(codeMinor);
  });
});

describe("delta consumers on every collection", () => {
  let gateway: Gateway;
  let token: string;
  let ids: PathIds;

  beforeAll(async () => {
    gateway = await startGateway();
    token = await gateway.token();
    ids = await demoIds(gateway, token);
  });
  afterAll(() => gateway?.close());

  const collections = ROSTERING_OPERATIONS.filter((operation) => operation.kind !== "item");

  it.each(collections.map((operation) => [operation.operationId, operation] as const))(
    "%s filters on status and on dateLastModified",
    async (_, operation) => {
      const path = pathFor(operation, ids);
      const total = async (filter: string) => {
        const response = await gateway.get(`${path}?filter=${encodeURIComponent(filter)}`, token);
        expect(response.status).toBe(200);
        return Number(response.headers.get("x-total-count"));
      };
      const all = Number((await gateway.get(path, token)).headers.get("x-total-count"));
      expect(await total("status='active'")).toBe(all);
      expect(await total("dateLastModified>'2000-01-01T00:00:00Z'")).toBe(all);
      expect(await total("dateLastModified>'2999-01-01'")).toBe(0);
    },
  );

  it("a deleted student is still served, as tobedeleted, to those who look for changes", async () => {
    const [student] = await idsOf(await gateway.get("/students?limit=1", token));
    const before = new Date(Date.now() - 1).toISOString();
    await withTenant(gateway.database.db, gateway.tenant.id, (tx) =>
      tx.execute(sql`update users set status = 'tobedeleted' where sourced_id = ${student}`),
    );
    const delta = await recordsOf(
      await gateway.get(
        `/students?filter=${encodeURIComponent(`dateLastModified>'${before}'`)}`,
        token,
      ),
    );
    expect(delta.map((user) => [user.sourcedId, user.status])).toEqual([[student, "tobedeleted"]]);
    const single = await gateway.get(`/users/${student}`, token);
    expect(((await single.json()) as { user: { status: string } }).user.status).toBe("tobedeleted");
  });
});
