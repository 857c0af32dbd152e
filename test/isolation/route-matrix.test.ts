import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CsvRecord } from "../../src/entities/index.ts";
import { pathFor } from "../oneroster/support/demo-ids.ts";
import { asDelta, scratchDir, writePackage } from "../support/packages.ts";
import { tenantChecksum } from "../support/snapshot.ts";
import { type DocumentedRoute, documentedRoutes } from "./support/documented-routes.ts";
import { foreignInEdfiZip } from "./support/edfi-served-ids.ts";
import { send } from "./support/send.ts";
import { foreignInJson, foreignInPackage } from "./support/served-ids.ts";
import { type TwoDistricts, twoDistricts, type Viewer } from "./support/two-districts.ts";
import { WRITE_PROBES } from "./support/write-probes.ts";

/**
 * Every route the gateway documents, asked by north (whole district, and a client restricted
 * to one school) for south's records and for records outside the school: the answer is 404 or
 * empty, never a record it may not see. A new documented route that is not probed here fails
 * the first test until it is.
 */

/** Routes that touch no tenant's data. */
const NO_TENANT_DATA = new Set(["get /health", "get /health/ready", "post /oauth/token"]);

type Probe = (d: TwoDistricts, context: ProbeContext) => Promise<void>;
interface ProbeContext {
  southJobId: string;
  southClientId: string;
  /** Uploads a users.csv delta and waits for the job: its id and how it ended. */
  importAs(viewer: Viewer, records: CsvRecord[]): Promise<{ id: string; status: string }>;
}

/** 200 with nothing foreign in it, or one of the refusals `allowed`. */
async function expectNothingForeign(
  viewer: Viewer,
  response: Response,
  allowed: number[] = [404],
): Promise<void> {
  if (response.status !== 200) {
    expect(allowed).toContain(response.status);
    return;
  }
  expect(foreignInJson(viewer, await response.json())).toEqual([]);
}

/** What the gateway's own routes are asked, each with what it must not give away. */
const GATEWAY_PROBES: Record<string, Probe> = {
  "get /admin/v1/exports/oneroster.zip": async (d) => {
    for (const viewer of [d.northAdmin, d.restricted]) {
      const response = await send(d, viewer, "get", "/admin/v1/exports/oneroster.zip");
      expect(response.status).toBe(200);
      expect(await foreignInPackage(viewer, await response.arrayBuffer())).toEqual([]);
    }
  },
  "get /admin/v1/exports/edfi.zip": async (d) => {
    for (const viewer of [d.northAdmin, d.restricted]) {
      const response = await send(d, viewer, "get", "/admin/v1/exports/edfi.zip?purpose=audit");
      expect(response.status).toBe(200);
      const { foreign, persons } = await foreignInEdfiZip(viewer, await response.arrayBuffer());
      expect(foreign).toEqual([]);
      expect(persons).toBeGreaterThan(0);
    }
  },
  "get /admin/v1/imports": async (d, { southJobId }) => {
    for (const viewer of [d.northAdmin, d.restricted]) {
      const response = await send(d, viewer, "get", "/admin/v1/imports");
      expect(response.status).toBe(200);
      expect(JSON.stringify(await response.json())).not.toContain(southJobId);
    }
  },
  "get /admin/v1/imports/{id}": async (d, { southJobId }) => {
    for (const viewer of [d.northAdmin, d.restricted]) {
      expect((await send(d, viewer, "get", `/admin/v1/imports/${southJobId}`)).status).toBe(404);
    }
  },
  "get /admin/v1/imports/{id}/problems.csv": async (d, { southJobId }) => {
    const path = `/admin/v1/imports/${southJobId}/problems.csv`;
    for (const viewer of [d.northAdmin, d.restricted]) {
      expect((await send(d, viewer, "get", path)).status).toBe(404);
    }
    expect((await send(d, d.southAdmin, "get", path)).status).toBe(200);
  },
  "post /admin/v1/imports": async (d, { importAs }) => {
    const { db } = d.gateway.database;
    const southBefore = await tenantChecksum(db, d.south.id);
    const northBefore = await tenantChecksum(db, d.north.id);
    // A student of another school: the restricted client may not touch it.
    const student = d.northIds.params.studentSourcedId as string;
    const refused = await importAs(d.restricted, [userRecord(student, "Taken")]);
    expect(refused.status).toBe("rejected");
    expect(await tenantChecksum(db, d.north.id)).toBe(northBefore);
    // The same sourcedId exists in south: north's import changes north's record only.
    expect((await importAs(d.northAdmin, [userRecord(student, "Renamed")])).status).toBe(
      "succeeded",
    );
    expect(await tenantChecksum(db, d.north.id)).not.toBe(northBefore);
    expect(await tenantChecksum(db, d.south.id)).toBe(southBefore);
  },
  "get /admin/v1/metrics/schools": async (d) => {
    const served = [];
    for (const viewer of [d.northAdmin, d.restricted]) {
      const response = await send(d, viewer, "get", "/admin/v1/metrics/schools");
      expect(response.status).toBe(200);
      const { schools } = (await response.json()) as { schools: { schoolSourcedId: string }[] };
      expect(schools.length).toBeGreaterThan(0);
      const orgs = viewer.visible.get("org");
      expect(schools.filter((row) => !orgs?.has(row.schoolSourcedId))).toEqual([]);
      served.push(schools.length);
    }
    expect(served[1]).toBeLessThan(served[0] as number);
  },
  "get /admin/v1/metrics/funnel": async (d) => {
    const response = await send(d, d.northAdmin, "get", "/admin/v1/metrics/funnel");
    await expectNothingForeign(d.northAdmin, response, []);
    // Tenant-wide counts with no org to narrow them by: refused to a restricted client.
    expect((await send(d, d.restricted, "get", "/admin/v1/metrics/funnel")).status).toBe(403);
  },
  "get /admin/v1/clients": async (d) => {
    const response = await send(d, d.northAdmin, "get", "/admin/v1/clients");
    const { clients } = (await response.json()) as { clients: { clientId: string }[] };
    expect(clients.length).toBeGreaterThan(0);
    expect(clients.filter((client) => !client.clientId.startsWith("north."))).toEqual([]);
    expect((await send(d, d.restricted, "get", "/admin/v1/clients")).status).toBe(403);
  },
  "post /admin/v1/clients": async (d) => {
    const request = {
      name: "at south's school",
      scopes: ["roster.readonly"],
      orgSourcedId: "sch-a",
    };
    const response = await send(d, d.northAdmin, "post", "/admin/v1/clients", request);
    if (response.status === 201) {
      const { clientId } = (await response.json()) as { clientId: string };
      expect(clientId.startsWith("north.")).toBe(true);
    } else expect(response.status).toBe(422);
    expect((await send(d, d.restricted, "post", "/admin/v1/clients", request)).status).toBe(403);
  },
  "post /admin/v1/clients/{clientId}/rotate": async (d, { southClientId }) => {
    const path = `/admin/v1/clients/${southClientId}/rotate`;
    expect((await send(d, d.northAdmin, "post", path)).status).toBe(404);
    expect((await send(d, d.restricted, "post", path)).status).toBe(403);
  },
  "post /admin/v1/clients/{clientId}/revoke": async (d, { southClientId }) => {
    const path = `/admin/v1/clients/${southClientId}/revoke`;
    expect((await send(d, d.northAdmin, "post", path)).status).toBe(404);
    expect((await send(d, d.restricted, "post", path)).status).toBe(403);
    // South's own client still reads.
    const south = await send(d, d.southAdmin, "get", "/ims/oneroster/rostering/v1p2/orgs");
    expect(south.status).toBe(200);
  },
};

/** A users.csv delta record for an existing sourcedId with a new given name. */
function userRecord(sourcedId: string, givenName: string): CsvRecord {
  return asDelta(
    {
      file: "users",
      values: { sourcedId, enabledUser: true, username: sourcedId, givenName, familyName: "Moved" },
      metadata: {},
    },
    "active",
  );
}

describe("every documented route × the other tenant's ids × an org-restricted client", () => {
  let d: TwoDistricts;
  let routes: DocumentedRoute[];
  let context: ProbeContext;

  beforeAll(async () => {
    d = await twoDistricts();
    routes = await documentedRoutes(d.gateway.app);
    const dir = scratchDir();
    let imports = 0;
    const importAs = async (viewer: Viewer, records: CsvRecord[]) => {
      const zip = await writePackage(join(dir, `import-${++imports}.zip`), {
        users: { mode: "delta", records },
      });
      const response = await d.gateway.app.request("/admin/v1/imports", {
        method: "POST",
        headers: { authorization: viewer.auth, "content-type": "application/zip" },
        body: new Uint8Array(await readFile(zip)),
      });
      expect(response.status).toBe(202);
      const { id } = (await response.json()) as { id: string };
      for (let i = 0; i < 300; i++) {
        const job = await send(d, viewer, "get", `/admin/v1/imports/${id}`);
        const { status } = (await job.json()) as { status: string };
        if (!["queued", "running"].includes(status)) return { id, status };
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`import ${id} did not finish`);
    };
    const southJob = await importAs(d.southAdmin, [userRecord("u-ann", "Annie")]);
    expect(southJob.status).toBe("succeeded");
    const clients = await send(d, d.southAdmin, "get", "/admin/v1/clients");
    const [southClient] = ((await clients.json()) as { clients: { clientId: string }[] }).clients;
    context = {
      southJobId: southJob.id,
      southClientId: southClient?.clientId ?? "",
      importAs,
    };
    expect(context.southClientId.startsWith("south.")).toBe(true);
  });
  afterAll(() => d?.gateway.close());

  const oneRoster = () =>
    routes.filter((route) => route.basePath !== undefined && route.method === "get");

  it("knows how to probe every documented route", () => {
    expect(oneRoster().length).toBeGreaterThanOrEqual(65);
    expect(Object.keys(WRITE_PROBES)).toHaveLength(16);
    const unprobed = routes.filter(
      (route) =>
        !NO_TENANT_DATA.has(route.key) &&
        !(route.key in GATEWAY_PROBES) &&
        !(route.key in WRITE_PROBES) &&
        !(route.basePath !== undefined && route.method === "get"),
    );
    expect(
      unprobed.map((route) => route.key),
      "routes with no probe: add one to GATEWAY_PROBES or WRITE_PROBES (or NO_TENANT_DATA if it holds none)",
    ).toEqual([]);
    const documented = new Set(routes.map((route) => route.key));
    const stale = [
      ...NO_TENANT_DATA,
      ...Object.keys(GATEWAY_PROBES),
      ...Object.keys(WRITE_PROBES),
    ].filter((key) => !documented.has(key));
    expect(stale).toEqual([]);
  });

  it("answers every OneRoster operation with 404 or only what the client may see", async () => {
    const served = new Map<string, number>();
    for (const route of oneRoster()) {
      const relative = route.path.slice(route.basePath?.length);
      for (const viewer of [d.northAdmin, d.restricted]) {
        for (const ids of [d.southOnly, d.northIds, d.restrictedIds]) {
          const path = `${route.basePath}${pathFor({ path: relative }, ids)}?limit=1000`;
          const response = await send(d, viewer, route.method, path);
          if (response.status !== 200) {
            expect({ path, viewer: viewer.name, status: response.status }).toMatchObject({
              status: 404,
            });
            continue;
          }
          const body = await response.json();
          expect({ path, viewer: viewer.name, foreign: foreignInJson(viewer, body) }).toEqual({
            path,
            viewer: viewer.name,
            foreign: [],
          });
          served.set(viewer.name, (served.get(viewer.name) ?? 0) + 1);
        }
      }
    }
    // Both clients were served records on most operations, so the checks above had work to do.
    for (const viewer of [d.northAdmin, d.restricted])
      expect(served.get(viewer.name)).toBeGreaterThan(oneRoster().length);
  });

  it("never serves south's own records to north, by id or nested", async () => {
    for (const route of oneRoster().filter((r) => r.path.includes("{"))) {
      const relative = route.path.slice(route.basePath?.length);
      const path = `${route.basePath}${pathFor({ path: relative }, d.southOnly)}`;
      expect({ path, status: (await send(d, d.northAdmin, "get", path)).status }).toEqual({
        path,
        status: 404,
      });
      expect({ path, status: (await send(d, d.southAdmin, "get", path)).status }).toEqual({
        path,
        status: 200,
      });
    }
  });

  it.each(Object.keys(GATEWAY_PROBES))(
    "%s gives north nothing of south's, nor the restricted client anything outside its school",
    async (key) => {
      await GATEWAY_PROBES[key]?.(d, context);
    },
  );

  it.each(Object.keys(WRITE_PROBES))(
    "%s refuses north south's records and the restricted client another school's, changing nothing",
    async (key) => {
      await WRITE_PROBES[key]?.(d);
    },
  );
});
