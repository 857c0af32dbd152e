import { and, eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Database } from "../db/client.ts";
import { apiClients } from "../db/schema/index.ts";
import { withTenant } from "../db/tenant-context.ts";
import type { ClientStates, TokenStanding } from "../kernel/app-env.ts";
import type { AuthContext } from "../kernel/auth-context.ts";

/**
 * How long a client's state may be served from memory. A revocation or rotation made by
 * another process (the CLI, another server) is seen within this time; one made through this
 * process's admin API is seen at once.
 */
export const CLIENT_STATE_TTL_MS = 2_000;

/** What a token's client is now: gone, revoked, or active under some secret version. */
type ClientState =
  | { kind: "gone" }
  | { kind: "revoked" }
  | { kind: "active"; secretVersion: number };

interface Lookup {
  db: Database;
  tenantId: string;
  clientId: string;
}

/**
 * The state of API clients, read from `api_clients` and kept a short while so an
 * authenticated request costs no query most of the time. Concurrent requests of one client
 * share one read.
 *
 * @example
 * const states = new ClientStateCache();
 * await states.standing(db, auth); // "ok" | "gone" | "revoked" | "rotated"
 */
export class ClientStateCache implements ClientStates {
  private readonly cache: LRUCache<string, ClientState, Lookup>;

  constructor({ ttlMs = CLIENT_STATE_TTL_MS }: { ttlMs?: number } = {}) {
    this.cache = new LRUCache<string, ClientState, Lookup>({
      max: 10_000,
      ttl: ttlMs,
      fetchMethod: (_key, _stale, { context }) => readClientState(context),
    });
  }

  /** Whether a verified token still speaks for its client. */
  async standing(db: Database, auth: AuthContext): Promise<TokenStanding> {
    const { tenantId, clientId } = auth;
    const state = await this.cache.fetch(`${tenantId}/${clientId}`, {
      context: { db, tenantId, clientId },
    });
    if (!state || state.kind === "gone") return "gone";
    if (state.kind === "revoked") return "revoked";
    return state.secretVersion === auth.secretVersion ? "ok" : "rotated";
  }

  /** Drops what is known of a client after this process changed it. */
  forget(tenantId: string, clientId: string): void {
    this.cache.delete(`${tenantId}/${clientId}`);
  }
}

async function readClientState({ db, tenantId, clientId }: Lookup): Promise<ClientState> {
  // Read under the token's tenant: a client id presented with another tenant's id is gone.
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ revokedAt: apiClients.revokedAt, secretVersion: apiClients.secretVersion })
      .from(apiClients)
      .where(and(eq(apiClients.clientId, clientId), eq(apiClients.tenantId, tenantId))),
  );
  if (!row) return { kind: "gone" };
  if (row.revokedAt) return { kind: "revoked" };
  return { kind: "active", secretVersion: row.secretVersion };
}
