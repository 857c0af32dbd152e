import { getTableName, type SQL, sql } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import { classTerms, userAgents } from "../db/schema/index.ts";
import { classEntity, columnName, type Entity, type Field, userEntity } from "../entities/index.ts";

export interface BrokenReference {
  entity: Entity;
  /** The field that holds the reference: its CSV column and its wire name. */
  names: FieldNames;
  /** Where the written row came from (a CSV line, a position in a request's set). */
  line: number;
  value: string;
  target: string;
}

export interface FieldNames {
  csv: string;
  wire: string;
}

/** A set of written rows: a relation with columns `sourced_id` and `line`. */
export type WrittenSet = SQL;

interface ReferenceCheck {
  table: PgTable;
  /** Column of `table` that holds the sourcedId of the written row. */
  owner: string;
  /** Column of `table` that holds the reference. */
  column: string;
  names: FieldNames;
  target: PgTable;
}

/** List fields stored on the record and mirrored (by trigger) into tables with the keys. */
const MIRRORS = [
  { entity: classEntity, field: "terms", table: classTerms, owner: "class_sourced_id" },
  { entity: userEntity, field: "agents", table: userAgents, owner: "user_sourced_id" },
] as const;

const nameOf = (column: PgColumn | undefined) => (column ? columnName(column) : "");

/** Every sourcedId reference an entity's rows make, read off the tables' foreign keys. */
function referenceChecks(entity: Entity): ReferenceCheck[] {
  const namesOf = (field: Field | undefined): FieldNames | undefined =>
    field && { csv: field.csv?.columns[0]?.name ?? field.name, wire: field.name };
  const ownKey = { csv: "sourcedId", wire: "sourcedId" };
  const fromTable = (table: PgTable, owner: string, names?: FieldNames): ReferenceCheck[] =>
    getTableConfig(table)
      .foreignKeys.map((fk) => fk.reference())
      // A mirror's link back to its own record is not a reference the writer made.
      .filter(
        (ref) =>
          ref.columns.length === 2 && (table === entity.table || nameOf(ref.columns[1]) !== owner),
      )
      .flatMap((ref) => {
        const column = nameOf(ref.columns[1]);
        const held =
          names ??
          (column === owner ? ownKey : namesOf(entity.fields.find((f) => f.sqlName === column)));
        return held ? [{ table, owner, column, names: held, target: ref.foreignTable }] : [];
      });
  const mirrored = MIRRORS.filter((m) => (m.entity as unknown as Entity) === entity).flatMap(
    (m) => {
      const names = namesOf(entity.fields.find((f) => f.name === m.field));
      return names ? fromTable(m.table, m.owner, names) : [];
    },
  );
  return [...fromTable(entity.table, "sourced_id"), ...mirrored];
}

/**
 * Written rows whose reference points at nothing in the tenant (neither in the same write nor
 * already held), set-based, one anti-join per reference. Runs before commit, while the foreign
 * keys are deferred, so every broken reference is reported with its line instead of one error
 * at commit.
 *
 * @example
 * const lines = sql`(select sourced_id, line from import_lines where file = 'users')`;
 * const { problems } = await findBrokenReferences(tx, [{ entity: userEntity, written: lines }]);
 */
export async function findBrokenReferences(
  tx: Transaction,
  sets: readonly { entity: Entity; written: WrittenSet }[],
  limitPerCheck = 100,
): Promise<{ problems: BrokenReference[]; total: number }> {
  const problems: BrokenReference[] = [];
  let total = 0;
  for (const { entity, written } of sets) {
    for (const check of referenceChecks(entity)) {
      const table = sql.identifier(getTableName(check.table));
      const target = sql.identifier(getTableName(check.target));
      const column = sql.identifier(check.column);
      const rows = await queryRows<{ line: number; value: string; total: number }>(
        tx,
        sql`select w.line, t.${column} as value, count(*) over ()::int as total
            from ${table} t
            join ${written} w on w.sourced_id = t.${sql.identifier(check.owner)}
            where t.${column} is not null
              and not exists (select 1 from ${target} x
                              where x.tenant_id = t.tenant_id and x.sourced_id = t.${column})
            order by w.line
            limit ${limitPerCheck}`,
      );
      total += rows[0]?.total ?? 0;
      for (const row of rows) {
        problems.push({
          entity,
          names: check.names,
          line: row.line,
          value: row.value,
          target: getTableName(check.target),
        });
      }
    }
  }
  return { problems, total };
}
