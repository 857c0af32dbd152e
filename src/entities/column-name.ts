import { toSnakeCase } from "drizzle-orm/casing";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * A column's name in SQL. Columns declared without a name take their property's, which the
 * database instance's `snake_case` casing converts only when Drizzle builds a query itself.
 *
 * @example
 * columnName(users.givenName) // "given_name"
 */
export const columnName = (column: PgColumn): string =>
  column.keyAsName ? toSnakeCase(column.name) : column.name;
