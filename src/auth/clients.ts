import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { apiClients, orgs } from "../db/schema/index.ts";
import { withTenant } from "../db/tenant-context.ts";
import { requireTenant, type Tenant } from "../tenants/index.ts";
import { newClientCredentials, newClientSecret, tenantSlugOf } from "./client-secrets.ts";
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

/** What may be shown of a client: everything but its secret. */
export interface ClientSummary {
  clientId: string;
  name: string;
  scopes: string[];
  orgSourcedId: string | null;
  rateLimitPerMinute: number | null;
  secretVersion: number;
  createdAt: string;
  revokedAt: string | null;
}

const summaryOf = (client: ApiClient): ClientSummary => ({
  clientId: client.clientId,
  name: client.name,
  scopes: client.scopes,
  orgSourcedId: client.orgSourcedId,
  rateLimitPerMinute: client.rateLimitPerMinute,
  secretVersion: client.secretVersion,
  createdAt: client.createdAt.toISOString(),
  revokedAt: client.revokedAt?.toISOString() ?? null,
});

/** The tenant's clients, revoked ones included, oldest first. */
export async function listClients(db: Database, tenantId: string): Promise<ClientSummary[]> {
  const rows = await withTenant(db, tenantId, (tx) =>
    tx.select().from(apiClients).orderBy(asc(apiClients.createdAt), asc(apiClients.clientId)),
  );
  return rows.map(summaryOf);
}

/**
 * Revokes a client: it gets no new token and its tokens are refused. Revoking twice keeps the
 * first time. Undefined when the tenant has no such client.
 */
export async function revokeClient(
  db: Database,
  tenantId: string,
  clientId: string,
): Promise<ClientSummary | undefined> {
  const [client] = await withTenant(db, tenantId, (tx) =>
    tx
      .update(apiClients)
      .set({ revokedAt: sql`coalesce(${apiClients.revokedAt}, now())` })
      .where(eq(apiClients.clientId, clientId))
      .returning(),
  );
  return client && summaryOf(client);
}

/**
 * Gives a client a new secret, returned once; the old secret and every token issued under it
 * stop working. Undefined when the tenant has no such client; a revoked client stays revoked.
 */
export async function rotateClient(db: Database, tenantId: string, clientId: string) {
  const { clientSecret, secretHash } = newClientSecret();
  const [client] = await withTenant(db, tenantId, async (tx) => {
    const [current] = await tx.select().from(apiClients).where(eq(apiClients.clientId, clientId));
    if (current?.revokedAt) {
      throw new ClientError(
        `Client '${clientId}' is revoked and cannot be given a new secret; create a new client instead.`,
      );
    }
    return tx
      .update(apiClients)
      .set({
        secretHash,
        secretVersion: sql`${apiClients.secretVersion} + 1`,
      })
      .where(and(eq(apiClients.clientId, clientId), isNull(apiClients.revokedAt)))
      .returning();
  });
  return (
    client && {
      clientId: client.clientId,
      clientSecret,
      scopes: client.scopes,
    }
  );
}

/** The tenant a client id was issued under, for operator commands given only the id. */
export async function tenantOfClient(db: Database, clientId: string): Promise<Tenant> {
  const slug = tenantSlugOf(clientId);
  if (!slug) {
    throw new ClientError(
      `'${clientId}' is not a client id: ids look like <tenant>.<random>, as \`clients list\` shows them.`,
    );
  }
  return requireTenant(db, slug);
}
