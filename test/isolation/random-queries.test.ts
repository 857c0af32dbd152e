import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathFor } from "../oneroster/support/demo-ids.ts";
import { type DocumentedRoute, documentedRoutes } from "./support/documented-routes.ts";
import { foreignInJson } from "./support/served-ids.ts";
import { type TwoDistricts, twoDistricts } from "./support/two-districts.ts";

/**
 * Random filters, sorts, offsets and limits on every OneRoster collection, asked by north
 * (whole district and restricted to one school), with values that name south's records:
 * an answer is a refusal or holds only what the client may see.
 */

/** Fields every entity has, and fields only some have (a 400 elsewhere). */
const COMMON_FIELDS = ["sourcedId", "status", "dateLastModified", "metadata.tenant"];
const SOME_FIELDS = [
  "givenName",
  "familyName",
  "title",
  "name",
  "type",
  "role",
  "schoolYear",
  "identifier",
  "school.sourcedId",
  "class.sourcedId",
  "user.sourcedId",
];
const field = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...COMMON_FIELDS) },
  { weight: 1, arbitrary: fc.constantFrom(...SOME_FIELDS) },
);
const OPERATORS = ["=", "!=", ">", ">=", "<", "<=", "~"];

describe("random queries never reach past the tenant or the subtree", () => {
  let d: TwoDistricts;
  let collections: DocumentedRoute[];

  beforeAll(async () => {
    d = await twoDistricts();
    collections = (await documentedRoutes(d.gateway.app)).filter(
      (route) => route.basePath !== undefined && route.method === "get",
    );
  });
  afterAll(() => d?.gateway.close());

  it("for 500 random requests", async () => {
    const values = [...d.southOnlyIds, "south", "north", "sch-0001", "stu-0000001", "2000", "a%"];
    const clause = fc
      .tuple(field, fc.constantFrom(...OPERATORS), fc.constantFrom(...values))
      .map(([name, operator, value]) => `${name}${operator}'${value}'`);
    const filter = fc.oneof(
      clause,
      fc
        .tuple(clause, fc.constantFrom(" AND ", " OR "), clause)
        .map(([left, join, right]) => `${left}${join}${right}`),
    );
    const request = fc.record({
      route: fc.integer({ min: 0, max: collections.length - 1 }),
      viewer: fc.constantFrom("northAdmin", "restricted"),
      ids: fc.oneof(
        { weight: 3, arbitrary: fc.constant("northIds") },
        { weight: 1, arbitrary: fc.constant("southOnly") },
      ),
      filter: fc.option(filter, { nil: undefined }),
      sort: fc.option(field, { nil: undefined }),
      orderBy: fc.constantFrom("asc", "desc"),
      offset: fc.nat({ max: 60 }),
      limit: fc.integer({ min: 1, max: 50 }),
    });
    let served = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const route = collections[r.route] as DocumentedRoute;
        const viewer = d[r.viewer as "northAdmin" | "restricted"];
        const query = new URLSearchParams({
          offset: String(r.offset),
          limit: String(r.limit),
          ...(r.filter ? { filter: r.filter } : {}),
          ...(r.sort ? { sort: r.sort, orderBy: r.orderBy } : {}),
        });
        const relative = route.path.slice(route.basePath?.length);
        const path = `${route.basePath}${pathFor({ path: relative }, d[r.ids as "northIds" | "southOnly"])}`;
        const response = await d.gateway.app.request(`${path}?${query}`, {
          headers: { authorization: viewer.auth },
        });
        expect([200, 400, 404]).toContain(response.status);
        if (response.status !== 200) return;
        served++;
        expect(foreignInJson(viewer, await response.json())).toEqual([]);
      }),
      { numRuns: 500 },
    );
    // Enough of them answered with records for the property to have been tested.
    expect(served).toBeGreaterThan(100);
  });
});
