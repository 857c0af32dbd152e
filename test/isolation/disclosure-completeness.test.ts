import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { pathFor } from "../oneroster/support/demo-ids.ts";
import { scope } from "../oneroster/support/gateway.ts";
import { type DocumentedRoute, documentedRoutes } from "./support/documented-routes.ts";
import { type TwoDistricts, twoDistricts } from "./support/two-districts.ts";

/**
 * A randomized run of 1,000 requests (reads of every OneRoster service, and exports; both tenants; whole-district,
 * restricted, core-only, missing and forged tokens; good and bad ids and filters): the
 * responses that disclosed student data and the disclosure records are the same, one each.
 */

const EXPORT = "/admin/v1/exports/oneroster.zip";
const EXPORT_QUERIES = ["", "?since=2000-01-01T00:00:00Z", "?since=not-a-time"];
const FILTERS = [undefined, "status='active'", "sourcedId~'0'", "nope", "givenName='Ann'"];
/** Paths that serve students' records (their results too), or records chosen by a student or user. */
const STUDENT_DATA = /\/(users|students|demographics|enrollments|results|assessmentResults)(\/|$)/;

interface Caller {
  auth?: string;
  clientId?: string;
}

/** The key a disclosure is matched on: who, what, how asked, which records. */
const keyOf = (clientId: string, endpoint: string, query: string, ids: readonly string[]) =>
  JSON.stringify([clientId, endpoint, query, ids]);

const subjectOf = (auth: string) =>
  JSON.parse(Buffer.from(auth.split(".")[1] ?? "", "base64url").toString()).sub as string;

describe("disclosure completeness over 1,000 random requests", () => {
  let d: TwoDistricts;
  let reads: DocumentedRoute[];
  let callers: Caller[];

  beforeAll(async () => {
    d = await twoDistricts();
    reads = (await documentedRoutes(d.gateway.app)).filter(
      (route) => route.basePath !== undefined && route.method === "get",
    );
    const core = `Bearer ${await d.gateway.token({ tenant: d.north, scopes: [scope("roster-core.readonly")] })}`;
    callers = [
      ...[d.northAdmin, d.restricted, d.southAdmin].map((viewer) => ({
        auth: viewer.auth,
        clientId: subjectOf(viewer.auth),
      })),
      { auth: core, clientId: subjectOf(core) },
      {},
      { auth: `${d.northAdmin.auth.slice(0, -4)}AAAA` },
    ];
  });
  afterAll(() => d?.gateway.close());

  const disclosures = async () => {
    const keys = new Map<string, string>();
    for (const tenant of [d.north, d.south]) {
      const rows = await withTenant(d.gateway.database.db, tenant.id, (tx) =>
        queryRows<{ id: string; actor_id: string; endpoint: string; query: string; ids: string[] }>(
          tx,
          sql`select id::text, actor_id, endpoint, query, entity_ids as ids
              from audit_logs where action = 'disclose'`,
        ),
      );
      for (const row of rows)
        keys.set(row.id, keyOf(row.actor_id, row.endpoint, row.query, row.ids));
    }
    return keys;
  };

  it("logs every disclosing response once, and nothing else", async () => {
    const request = fc.record({
      caller: fc.nat({ max: callers.length - 1 }),
      target: fc.oneof(
        { weight: 30, arbitrary: fc.nat({ max: reads.length - 1 }) },
        { weight: 1, arbitrary: fc.constantFrom(...EXPORT_QUERIES) },
      ),
      ids: fc.constantFrom(d.northIds, d.southOnly),
      filter: fc.constantFrom(...FILTERS),
      limit: fc.integer({ min: 1, max: 30 }),
    });
    const before = await disclosures();
    const expected: string[] = [];
    const statuses = new Map<number, number>();
    for (const r of fc.sample(request, { numRuns: 1000, seed: 1202 })) {
      const caller = callers[r.caller] as Caller;
      let url: string;
      let basePath = "";
      if (typeof r.target === "string") url = `${EXPORT}${r.target}`;
      else {
        const route = reads[r.target] as DocumentedRoute;
        basePath = route.basePath ?? "";
        const relative = route.path.slice(route.basePath?.length);
        const query = new URLSearchParams({ limit: String(r.limit) });
        if (r.filter && route.path.endsWith("s")) query.set("filter", r.filter);
        url = `${route.basePath}${pathFor({ path: relative }, r.ids)}?${query}`;
      }
      const response = await d.gateway.app.request(url, {
        headers: caller.auth ? { authorization: caller.auth } : {},
      });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const { pathname, searchParams } = new URL(url, "http://gateway");
      const query = [...searchParams].map(([name, value]) => `${name}=${value}`).join("&");
      const endpoint = `GET ${pathname}`;
      if (response.status !== 200) {
        await response.body?.cancel();
        continue;
      }
      if (pathname === EXPORT) {
        await response.arrayBuffer();
        expected.push(keyOf(caller.clientId ?? "", endpoint, query, []));
        continue;
      }
      const body = (await response.json()) as Record<string, unknown>;
      if (!STUDENT_DATA.test(pathname.slice(basePath.length))) continue;
      const payload = Object.values(body)[0];
      const records = (Array.isArray(payload) ? payload : [payload]) as { sourcedId: string }[];
      expected.push(
        keyOf(
          caller.clientId ?? "",
          endpoint,
          query,
          records.map((record) => record.sourcedId),
        ),
      );
    }
    const logged = [...(await disclosures())]
      .filter(([id]) => !before.has(id))
      .map(([, key]) => key);
    // Every kind of answer came up: served, refused, unknown, unauthenticated, forbidden.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 401, 403, 404]));
    expect(expected.length).toBeGreaterThan(50);
    expect(logged.sort()).toEqual(expected.sort());
  });
});
