import { type SQL, sql } from "drizzle-orm";
import { check, numeric, type PgColumn, primaryKey, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants.ts";

/** Amounts of money: exact decimals, never floats, so shares add up to the cent. */
export const money = () => numeric({ precision: 12, scale: 2, mode: "number" });

/** A closed vocabulary; NULL passes so optional columns can use it too. */
export const oneOf = (name: string, column: PgColumn, values: readonly string[]) =>
  check(name, sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(","))})`);

/** A period ends on or after it starts; an open end (NULL) means "until further notice". */
export const periodCheck = (table: string, start: PgColumn, end: PgColumn) =>
  check(`${table}_period_check`, sql`${end} is null or ${end} >= ${start}`);

/** A check that holds only in one direction: when `condition`, then `requirement`. */
export const implies = (name: string, condition: SQL, requirement: SQL) =>
  check(name, sql`not (${condition}) or (${requirement})`);

/**
 * Keys of rows the database writes itself (history, derived scores): they are never exchanged
 * with another system, so they carry no sourcedId, lifecycle or sync cursor, only the tenant
 * they belong to and an internal id.
 */
export const historyColumns = () => ({
  tenantId: uuid()
    .notNull()
    .references(() => tenants.id),
  id: uuid().notNull().defaultRandom(),
});

export const historyKey = (table: string, t: { tenantId: PgColumn; id: PgColumn }) =>
  primaryKey({ name: `${table}_pkey`, columns: [t.tenantId, t.id] });
