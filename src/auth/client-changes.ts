import pg from "pg";
import type { ClientStates } from "../kernel/app-env.ts";
import { CLIENT_STATE_TTL_MS } from "./client-state.ts";

/** The channel migration 0022's trigger on `api_clients` notifies, with `<tenant id>/<client id>`. */
export const CLIENT_CHANGED_CHANNEL = "api_client_changed";

/**
 * Makes `states` forget a client as soon as any process (another gateway, the CLI, the console)
 * revokes, rotates or deletes it, through PostgreSQL LISTEN on its own connection. If that
 * connection is lost, cached states still expire after `CLIENT_STATE_TTL_MS`.
 *
 * @example
 * const listener = await forgetChangedClients(config.DATABASE_URL, clientStates);
 * await listener.stop();
 */
export async function forgetChangedClients(
  url: string,
  states: ClientStates,
): Promise<{ stop(): Promise<void> }> {
  const connection = new pg.Client({ connectionString: url });
  connection.on("error", (error) => {
    console.error(
      `[auth] lost the client-change listener (${error.message}); revocations made elsewhere are seen within ${CLIENT_STATE_TTL_MS} ms`,
    );
  });
  connection.on("notification", ({ channel, payload }) => {
    if (channel !== CLIENT_CHANGED_CHANNEL || !payload) return;
    const slash = payload.indexOf("/");
    states.forget(payload.slice(0, slash), payload.slice(slash + 1));
  });
  await connection.connect();
  await connection.query(`listen ${CLIENT_CHANGED_CHANNEL}`);
  return { stop: () => connection.end() };
}
