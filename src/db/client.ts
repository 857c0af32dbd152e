import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { claimEmbeddedDatabase } from "./embedded-owner.ts";
import * as existing from "./existing/index.ts";
import * as tables from "./schema/index.ts";

export const schema = { ...tables, ...existing };
export type Schema = typeof schema;

/** A Drizzle database over either driver; queries are written once against this type. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** Bounds on PostgreSQL use, so that slow work fails one request instead of stalling all. */
export interface PoolLimits {
  maxConnections?: number;
  /** How long a request waits for a pooled connection before it is refused. */
  acquireTimeoutMs?: number;
  /** Longest single statement; 0 or unset leaves the server's setting. */
  statementTimeoutMs?: number;
}

export type DatabaseTarget =
  | ({ kind: "postgres"; url: string } & PoolLimits)
  /** `dataDir` undefined keeps the database in memory; `initialData` starts it from a dump (tests). */
  | { kind: "pglite"; dataDir?: string; initialData?: Blob };

/**
 * Opens the database the configuration names: PostgreSQL through a `pg` pool when a URL is
 * given, otherwise an embedded PGlite under `DATA_DIR/pgdata`.
 *
 * @example
 * const { db, close } = await openDatabase({ kind: "pglite", dataDir: "./.data" });
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  const options = { schema, casing: "snake_case" } as const;
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.maxConnections ?? 10,
      ...(target.acquireTimeoutMs ? { connectionTimeoutMillis: target.acquireTimeoutMs } : {}),
      ...(target.statementTimeoutMs ? { statement_timeout: target.statementTimeoutMs } : {}),
      // Short statements only: JIT compiling a plan whose cost row-level security inflates
      // (a list's count) took ~1.2 s against 15 ms of execution (docs/performance.md).
      options: "-c jit=off",
    });
    // A connection the server closes (terminated backend, restart, failover) emits 'error',
    // which crashes the process unless someone listens. The pool listens only while the
    // connection is idle; a checked-out one (a transaction) needs its own listener. The query
    // in flight rejects by itself, so the request fails alone, and release() drops the dead
    // connection from the pool.
    pool.on("connect", (client) => {
      client.on("error", (error: Error & { code?: string }) => {
        if (error.code !== "57P01") console.error(`[db] connection lost: ${error.message}`);
      });
    });
    // Idle connections are reported above already; this only keeps the pool's event handled.
    pool.on("error", () => {});
    return {
      db: drizzlePg(pool, options) as unknown as Database,
      kind: "postgres",
      close: () => pool.end(),
    };
  }
  const root = target.dataDir ? resolve(target.dataDir) : undefined;
  const dataDir = root ? join(root, "pgdata") : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const ownership = root ? claimEmbeddedDatabase(root) : undefined;
  const client = await PGlite.create(dataDir, {
    extensions: { btree_gist },
    ...(target.initialData ? { loadDataDir: target.initialData } : {}),
  }).catch((error: unknown) => {
    ownership?.release();
    throw error;
  });
  return {
    db: drizzlePglite(client, options) as unknown as Database,
    kind: "pglite",
    close: () => client.close().finally(() => ownership?.release()),
  };
}

/** The database the environment selects: DATABASE_URL set → PostgreSQL, else PGlite in DATA_DIR. */
export function targetFromConfig(config: {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
  DB_POOL_MAX: number;
  DB_ACQUIRE_TIMEOUT_MS: number;
  DB_STATEMENT_TIMEOUT_MS: number;
}): DatabaseTarget {
  return config.DATABASE_URL
    ? {
        kind: "postgres",
        url: config.DATABASE_URL,
        maxConnections: config.DB_POOL_MAX,
        acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
        statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      }
    : { kind: "pglite", dataDir: config.DATA_DIR };
}
