import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { apiClients, orgs } from "../db/schema/index.ts";
import { withTenant } from "../db/tenant-context.ts";
import type { Tenant } from "../tenants/tenants.ts";
import { newClientCredentials } from "./client-secrets.ts";
import { normalizeScope, unknownScopes } from "./scopes.ts";

export type ApiClient = typeof apiClients.$inferSelect;

export class ClientError extends Error {
  override name = "ClientError";
}

export interface NewClient {
  name: string;
  scopes: readonly string[];
  orgSourcedId?: string | undefined;
  rateLimitPerMinute?: number | undefined;
}

/** Creates an API client; the secret is returned once and stored only as a hash. */
export async function createClient(db: Database, tenant: Tenant, input: NewClient) {
  const scopes = [...new Set(input.scopes.map(normalizeScope))];
  const unknown = unknownScopes(scopes);
  if (unknown.length > 0) {
    throw new ClientError(
      `Unknown scope(s): ${unknown.join(", ")}. Use --all, or names such as roster.readonly or gateway.import.`,
    );
  }
  if (scopes.length === 0)
    throw new ClientError("A client needs at least one scope (--scopes or --all).");
  const credentials = newClientCredentials(tenant.slug);
  await withTenant(db, tenant.id, async (tx) => {
    if (input.orgSourcedId) {
      const [org] = await tx
        .select({ sourcedId: orgs.sourcedId })
        .from(orgs)
        .where(eq(orgs.sourcedId, input.orgSourcedId));
      if (!org) {
        throw new ClientError(
          `No org '${input.orgSourcedId}' in tenant '${tenant.slug}' to restrict the client to.`,
        );
      }
    }
    await tx.insert(apiClients).values({
      tenantId: tenant.id,
      clientId: credentials.clientId,
      name: input.name,
      secretHash: credentials.secretHash,
      scopes,
      orgSourcedId: input.orgSourcedId ?? null,
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
    });
  });
  return { clientId: credentials.clientId, clientSecret: credentials.clientSecret, scopes };
}

/** An active (not revoked) client of the tenant, read under the tenant's row-level security. */
export async function findActiveClient(
  db: Database,
  tenantId: string,
  clientId: string,
): Promise<ApiClient | undefined> {
  return withTenant(db, tenantId, async (tx) => {
    const [client] = await tx
      .select()
      .from(apiClients)
      .where(and(eq(apiClients.clientId, clientId), isNull(apiClients.revokedAt)));
    return client;
  });
}
