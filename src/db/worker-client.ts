import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database } from "./client.ts";
import * as existing from "./existing/index.ts";
import * as tables from "./schema/index.ts";

// The same schema object as client.ts builds, imported from its parts so that the Worker
// bundle never pulls client.ts and, with it, PGlite.
const schema = { ...tables, ...existing };

export interface RequestDatabase {
  db: Database;
  /** Ends the connection; call it once the response, streamed body included, is done. */
  close(): Promise<void>;
}

/**
 * One PostgreSQL connection for one Worker request. A Worker may not carry I/O objects from
 * one request to the next, so nothing here is module-global; Hyperdrive pools the real
 * connections to the origin, which makes connecting per request cheap.
 *
 * @example
 * const { db, close } = await connectForRequest(env.HYPERDRIVE.connectionString);
 * ctx.waitUntil(close());
 */
export async function connectForRequest(connectionString: string): Promise<RequestDatabase> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  return {
    db: drizzle(client, { schema, casing: "snake_case" }) as unknown as Database,
    close: () => client.end(),
  };
}
