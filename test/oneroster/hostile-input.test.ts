import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { type Gateway, startGateway } from "./support/gateway.ts";

/** Pieces of SQL, quoting tricks and odd characters that random strings rarely hit. */
const FRAGMENTS = [
  "'",
  "''",
  "' OR '1'='1",
  "'; drop table users; --",
  "\\",
  "%",
  "_",
  "\u0000",
  "😀",
  "status='active'",
  "givenName~'",
  "metadata.",
  "metadata.x'y",
  "roles.role",
  "roles.org.sourcedId",
  " OR ",
  " AND ",
  "=",
  "!=",
  "~",
  ">=",
  "<",
  "sourcedId",
  "dateLastModified>'2024-01-01'",
  ",",
  "(",
  ")",
  "--",
  "/*",
  "$1",
  "::text",
  "-1",
  "0",
  "1e9",
  "99999999999999999999",
  "NaN",
  "asc",
  "desc",
  "tenant_id",
  "u.tenant_id",
  "constructor",
  "__proto__",
];

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }).map((parts) => parts.join("")),
);

/** Fields every collection has; text-like, so any value is well-formed for them. */
const COMMON_FIELDS = ["sourcedId", "status", "metadata.tenant"];
const FIELDS = [
  ...COMMON_FIELDS,
  "dateLastModified",
  "givenName",
  "title",
  "roles.role",
  "roles.org.sourcedId",
  "school.sourcedId",
  "grades",
  "enabledUser",
  "userIds.identifier",
];

/** A comparison carrying a hostile value, well-formed so that the value reaches the database. */
const comparisonOn = (fields: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom(...fields),
      fc.constantFrom("=", "!=", ">", ">=", "<", "<=", "~"),
      hostileText,
    )
    .map(([field, operator, value]) => `${field}${operator}'${value.replaceAll("'", "''")}'`);

/** Mostly plausible values, so most requests get past validation; sometimes pure noise. */
const mostly = <T>(plausible: fc.Arbitrary<T>, noise: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: noise });

const parameters = fc.record(
  {
    filter: mostly(
      fc.oneof(
        comparisonOn(COMMON_FIELDS),
        fc
          .tuple(
            comparisonOn(COMMON_FIELDS),
            fc.constantFrom(" AND ", " OR "),
            comparisonOn(FIELDS),
          )
          .map((parts) => parts.join("")),
      ),
      fc.oneof(comparisonOn(FIELDS), hostileText),
    ),
    sort: mostly(fc.constantFrom(...COMMON_FIELDS), hostileText),
    orderBy: mostly(fc.constantFrom("asc", "desc"), hostileText),
    fields: mostly(
      fc
        .subarray(["sourcedId", "status", "metadata", "dateLastModified"], { minLength: 1 })
        .map((names) => names.join(",")),
      hostileText,
    ),
    limit: mostly(fc.integer({ min: 1, max: 5000 }).map(String), hostileText),
    offset: mostly(fc.integer({ min: 0, max: 200 }).map(String), hostileText),
  },
  { requiredKeys: [] },
);

const COLLECTIONS = [
  "/users",
  "/students",
  "/classes",
  "/orgs",
  "/enrollments",
  "/demographics",
  "/academicSessions",
  "/schools/sch-0001/students",
  "/classes/cls-0001-kg-math-01/students",
];

describe("random and hostile query parameters", () => {
  let gateway: Gateway;
  let token: string;
  const totals = new Map<string, number>();

  beforeAll(async () => {
    gateway = await startGateway({ tenants: ["north", "south"], students: 20 });
    const [north, south] = gateway.tenants as [Tenant, Tenant];
    // South has records north must never see, marked so that a leak shows in any response.
    await withTenant(gateway.database.db, south.id, (tx) =>
      tx.insert(users).values({
        tenantId: south.id,
        sourcedId: "leak-south",
        givenName: "Leak",
        familyName: "South",
        metadata: { tenant: "south" },
      }),
    );
    await withTenant(gateway.database.db, south.id, (tx) =>
      tx.execute(sql`update users set given_name = 'South', family_name = 'South'`),
    );
    token = await gateway.token({ tenant: north });
    for (const path of COLLECTIONS) {
      const response = await gateway.get(path, token);
      totals.set(path, Number(response.headers.get("x-total-count")));
    }
  });
  afterAll(() => gateway?.close());

  it("never lead to a 500 or to another tenant's row", async () => {
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COLLECTIONS), parameters, async (path, params) => {
        const query = new URLSearchParams(params as Record<string, string>).toString();
        const response = await gateway.get(`${path}?${query}`, token);
        statuses.push(response.status);
        expect([200, 400]).toContain(response.status);
        const text = await response.text();
        if (response.status !== 200) {
          expect(JSON.parse(text).imsx_codeMajor).toBe("failure");
          return;
        }
        expect(text).not.toContain("South");
        expect(text).not.toContain("leak-south");
        expect(Number(response.headers.get("x-total-count"))).toBeLessThanOrEqual(
          totals.get(path) ?? 0,
        );
      }),
      { numRuns: 300 },
    );
    // Enough inputs get through validation to reach the database, not just the parser.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(30);
  });

  it("hostile ids in paths get 404, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (id) => {
        // A lone surrogate cannot be percent-encoded; a client would send U+FFFD instead.
        const encoded = encodeURIComponent(id.replace(/\p{Cs}/gu, "\uFFFD"));
        for (const path of [`/users/${encoded}`, `/schools/${encoded}/classes`]) {
          const response = await gateway.get(path, token);
          expect([404]).toContain(response.status);
        }
      }),
      { numRuns: 100 },
    );
  });
});
