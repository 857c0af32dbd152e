import { sql } from "drizzle-orm";
import type { Database } from "../../../src/db/client.ts";
import { queryRows } from "../../../src/db/query-rows.ts";

export interface ServerExtensions {
  partman: boolean;
  pgaudit: boolean;
  statements: boolean;
}

/** Which optional extensions the server offers, by the migrations' own test of it. */
export async function offeredExtensions(db: Database): Promise<ServerExtensions> {
  const usable = async (extension: string, preload: boolean) => {
    const [row] = await queryRows<{ usable: boolean }>(
      db,
      sql`select extension_usable(${extension}, ${preload}) as usable`,
    );
    return row?.usable === true;
  };
  return {
    partman: await usable("pg_partman", false),
    pgaudit: await usable("pgaudit", true),
    statements: await usable("pg_stat_statements", true),
  };
}

/** Which optional extensions the migrations installed in this database. */
export async function installedExtensions(db: Database): Promise<ServerExtensions> {
  const installed = async (extension: string) =>
    (await queryRows(db, sql`select 1 from pg_extension where extname = ${extension}`)).length ===
    1;
  return {
    partman: await installed("pg_partman"),
    pgaudit: await installed("pgaudit"),
    statements: await installed("pg_stat_statements"),
  };
}

/** The partitions attached to a partitioned table, by name. */
export async function partitionNames(db: Database, parent: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select inhrelid::regclass::text as name from pg_inherits where inhparent = ${parent}::regclass order by 1`,
  );
  return rows.map((r) => r.name);
}

/** Monthly partitions as our upkeep names them (`_p202611`) and as pg_partman does (`_p2026_11`). */
export const OUR_MONTH = /_p\d{6}$/;
export const PARTMAN_MONTH = /_p\d{4}_\d{2}$/;
