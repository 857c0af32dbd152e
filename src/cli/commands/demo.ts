import { ALL_SCOPES, createClient } from "../../auth/index.ts";
import { seedDistrict } from "../../demo/index.ts";
import { DEMO_DISTRICT } from "../../generate/index.ts";
import { createTenant, findTenant } from "../../tenants/index.ts";
import { openRuntime } from "../runtime.ts";
import { serveRuntime } from "./serve.ts";

const DEMO_TENANT = "demo";

/**
 * Creates tenant `demo` with a generated district on first run, a client with every scope on
 * every run (secrets cannot be shown again), prints one JSON line, then serves.
 */
export async function demoCommand(): Promise<void> {
  const runtime = await openRuntime({ migrate: "embedded" });
  const { db } = runtime.database;
  let tenant = await findTenant(db, DEMO_TENANT);
  if (!tenant) {
    console.error(
      `Creating tenant '${DEMO_TENANT}' with a district of ${DEMO_DISTRICT.students} students…`,
    );
    tenant = await createTenant(db, DEMO_TENANT, "Demo District");
    await seedDistrict(db, tenant, DEMO_DISTRICT);
  }
  const client = await createClient(db, tenant, { name: "demo", scopes: ALL_SCOPES });
  await serveRuntime(runtime, (url) => {
    console.log(JSON.stringify({ url, tenant: tenant.slug, ...client }));
    console.error(
      `TSA Coach Gateway listening on ${url} (database: ${runtime.database.kind}). Docs: ${url}/docs`,
    );
  });
}
