import { ALL_SCOPES, createClient, listClients, revokeClient } from "../../auth/index.ts";
import type { Database } from "../../db/client.ts";
import { latestSchoolYear, seedDistrict } from "../../demo/index.ts";
import { DEMO_DISTRICT } from "../../generate/index.ts";
import { createTenant, findTenant, type Tenant } from "../../tenants/index.ts";
import { SCHOOL_YEAR_OPTION, schoolYearOption } from "../args.ts";
import { defineCommand } from "../command.ts";
import { openRuntime } from "../runtime.ts";
import { serveRuntime } from "./serve.ts";

const DEMO_TENANT = "demo";
/** The name of the client each run prints; the previous run's is revoked. */
const DEMO_CLIENT = "demo";

/**
 * Creates tenant `demo` with a generated district of the current school year on first run (and
 * brings it to the current year on a later one), revokes the client the previous run printed,
 * creates a client with every scope, prints one JSON line, then serves.
 */
export const demoCommand = defineCommand({
  name: "demo",
  summary:
    "tenant 'demo' with a generated district, a client (the previous run's is revoked), then serve",
  usage: ["demo [--school-year <yyyy>]"],
  options: { "school-year": SCHOOL_YEAR_OPTION },
  notes:
    'Prints one JSON line {"url","tenant","clientId","clientSecret","scopes"} on stdout, then serves\nuntil Ctrl-C. PORT, HOST, DATA_DIR and DATABASE_URL apply as for serve.',
  run: async (values) => {
    const schoolYear = schoolYearOption(values["school-year"], demoCommand);
    const runtime = await openRuntime({ migrate: "embedded" });
    const { db } = runtime.database;
    const tenant = await demoTenant(db, schoolYear).catch(async (error: unknown) => {
      await runtime.database.close();
      throw error;
    });
    // Only once the port is bound, so a failed start leaves the previous client working.
    await serveRuntime(runtime, async (url) => {
      const revoked = await revokePreviousClients(db, tenant);
      const client = await createClient(db, tenant, { name: DEMO_CLIENT, scopes: ALL_SCOPES });
      console.log(JSON.stringify({ url, tenant: tenant.slug, ...client }));
      if (revoked.length > 0) {
        console.error(`Revoked the client of the previous demo run: ${revoked.join(", ")}.`);
      }
      console.error(
        `TSA Coach Gateway listening on ${url} (database: ${runtime.database.kind}). Start at ${url}/`,
      );
    });
    return 0;
  },
});

/** Tenant `demo`, holding the district of `schoolYear` (seeded now when it does not). */
async function demoTenant(db: Database, schoolYear: number): Promise<Tenant> {
  const existing = await findTenant(db, DEMO_TENANT);
  const tenant = existing ?? (await createTenant(db, DEMO_TENANT, "Demo District"));
  if (existing && (await latestSchoolYear(db, tenant.id)) === schoolYear) return tenant;
  console.error(
    `${existing ? "Bringing" : "Creating"} tenant '${DEMO_TENANT}' with a district of ${DEMO_DISTRICT.students} students, school year ${schoolYear - 1}-${schoolYear}…`,
  );
  await seedDistrict(db, tenant, { ...DEMO_DISTRICT, schoolYear });
  return tenant;
}

async function revokePreviousClients(db: Database, tenant: Tenant): Promise<string[]> {
  const active = (await listClients(db, tenant.id)).filter(
    (client) => client.name === DEMO_CLIENT && !client.revokedAt,
  );
  for (const client of active) await revokeClient(db, tenant.id, client.clientId);
  return active.map((client) => client.clientId);
}
