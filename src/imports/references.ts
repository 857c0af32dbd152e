import { getTableName, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { FileName } from "../csv/catalogue.ts";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import { classTerms, userAgents } from "../db/schema/index.ts";
import { FILE_MAPPINGS } from "./record-to-row.ts";

export interface BrokenReference {
  file: FileName;
  line: number;
  column: string;
  value: string;
  target: string;
}

interface ReferenceCheck {
  file: FileName;
  table: PgTable;
  /** Column of `table` that holds the sourcedId of the row the import line wrote. */
  lineKey: string;
  column: string;
  /** The CSV column the reference came from. */
  csvColumn: string;
  target: PgTable;
}

/** List cells stored on the record and mirrored (by trigger) into tables with the foreign keys. */
const MIRRORS = [
  { file: "classes", table: classTerms, lineKey: "classSourcedId", csvColumn: "termSourcedIds" },
  { file: "users", table: userAgents, lineKey: "userSourcedId", csvColumn: "agentSourcedIds" },
] as const;

/** Every sourcedId reference a file's rows make, read off the tables' foreign keys. */
function referenceChecks(file: FileName): ReferenceCheck[] {
  const own = FILE_MAPPINGS[file].table;
  const fromTable = (table: PgTable, lineKey: string, csvColumn?: string) =>
    getTableConfig(table)
      .foreignKeys.map((fk) => fk.reference())
      // A mirror's link back to its own record is not a reference the package made.
      .filter(
        (ref) => ref.columns.length === 2 && (table === own || ref.columns[1]?.name !== lineKey),
      )
      .map((ref) => {
        const column = ref.columns[1]?.name ?? "";
        return {
          file,
          table,
          lineKey,
          column,
          csvColumn: csvColumn ?? column,
          target: ref.foreignTable,
        };
      });
  const mirrored = MIRRORS.filter((m) => m.file === file).flatMap((m) =>
    fromTable(m.table, m.lineKey, m.csvColumn),
  );
  return [...fromTable(own, "sourcedId"), ...mirrored];
}

const column = (name: string) => sql.identifier(toSnakeCase(name));

/**
 * Rows this import wrote whose reference points at nothing in the tenant (neither in the
 * package nor already held). Runs before commit, while the foreign keys are deferred, so every
 * broken reference is reported with its line instead of one error at commit.
 */
export async function findBrokenReferences(
  tx: Transaction,
  files: readonly FileName[],
  limitPerCheck = 100,
): Promise<{ problems: BrokenReference[]; total: number }> {
  const problems: BrokenReference[] = [];
  let total = 0;
  for (const check of files.flatMap(referenceChecks)) {
    const table = sql.identifier(getTableName(check.table));
    const target = sql.identifier(getTableName(check.target));
    const rows = await queryRows<{ line: number; value: string; total: number }>(
      tx,
      sql`select l.line, t.${column(check.column)} as value, count(*) over ()::int as total
          from ${table} t
          join import_lines l on l.file = ${check.file} and l.sourced_id = t.${column(check.lineKey)}
          where t.${column(check.column)} is not null
            and not exists (select 1 from ${target} x
                            where x.tenant_id = t.tenant_id and x.sourced_id = t.${column(check.column)})
          order by l.line
          limit ${limitPerCheck}`,
    );
    total += rows[0]?.total ?? 0;
    for (const row of rows) {
      problems.push({
        file: check.file,
        line: row.line,
        column: check.csvColumn,
        value: row.value,
        target: getTableName(check.target),
      });
    }
  }
  return { problems, total };
}
