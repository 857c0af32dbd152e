import { count, eq, getTableColumns, gt } from "drizzle-orm";
import { FILE_NAMES } from "../csv/catalogue.ts";
import type { Transaction } from "../db/client.ts";
import { FILE_MAPPINGS } from "../imports/record-to-row.ts";

/** How many records an export will hold, counted in the export's own snapshot. */
export async function countExport(tx: Transaction, since?: Date): Promise<number> {
  let total = 0;
  for (const file of FILE_NAMES) {
    const table = FILE_MAPPINGS[file].table;
    const { status, dateLastModified } = getTableColumns(table);
    if (!status || !dateLastModified) continue;
    const [row] = await tx
      .select({ n: count() })
      .from(table)
      .where(since ? gt(dateLastModified, since) : eq(status, "active"));
    total += row?.n ?? 0;
  }
  return total;
}
