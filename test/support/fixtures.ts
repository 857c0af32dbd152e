import type { Database } from "../../src/db/client.ts";
import { seedDistrict } from "../../src/demo/seed-district.ts";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";

/** A tenant filled with a small generated district (the demo's builder, scaled down). */
export async function tenantWithDistrict(
  db: Database,
  slug: string,
  students = 40,
): Promise<Tenant> {
  const tenant = await createTenant(db, slug, `${slug} district`);
  await seedDistrict(db, tenant, { students, seed: 7 });
  return tenant;
}
