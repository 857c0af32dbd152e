import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { tenants } from "../db/schema/index.ts";

export type Tenant = typeof tenants.$inferSelect;

/** Tenant slugs: lower-case letters, digits and dashes, as they appear in client ids. */
export const TENANT_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export class TenantError extends Error {
  override name = "TenantError";
}

/** Creates a tenant. An operator task: runs as the database owner, outside any tenant context. */
export async function createTenant(db: Database, slug: string, name: string): Promise<Tenant> {
  if (!TENANT_SLUG.test(slug)) {
    throw new TenantError(
      `Tenant slug '${slug}' is not valid: use lower-case letters, digits and dashes (e.g. 'north-district').`,
    );
  }
  if (await findTenant(db, slug)) {
    throw new TenantError(`Tenant '${slug}' already exists.`);
  }
  const [tenant] = await db.insert(tenants).values({ slug, name }).returning();
  if (!tenant) throw new TenantError(`Tenant '${slug}' could not be created.`);
  return tenant;
}

export async function findTenant(db: Database, slug: string): Promise<Tenant | undefined> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  return tenant;
}

export async function findTenantById(db: Database, id: string): Promise<Tenant | undefined> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, id));
  return tenant;
}

/** The tenant for an operator command, or an error that says how to create it. */
export async function requireTenant(db: Database, slug: string): Promise<Tenant> {
  const tenant = await findTenant(db, slug);
  if (!tenant) {
    throw new TenantError(
      `No tenant '${slug}'. Create it first: npx tsa-gateway tenants create ${slug} --name "<name>"`,
    );
  }
  return tenant;
}
