import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";

/** The PostgreSQL server benchmarks run against (a fresh database is made on it per run). */
export const BENCH_SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A freshly migrated database on the bench server, dropped by `drop()`. */
export async function freshBenchDatabase(options: { maxConnections?: number } = {}): Promise<{
  url: string;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}> {
  const name = `tsa_bench_${randomBytes(5).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({
    kind: "postgres",
    url: url.toString(),
    ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
  });
  await migrateDatabase(handle);
  return {
    url: url.toString(),
    handle,
    drop: async () => {
      await handle.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
