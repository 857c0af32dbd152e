import type { Transaction } from "../db/client.ts";
import { auditDisclosedRecords } from "../db/existing/index.ts";
import type { LoggedDisclosure } from "./record-disclosure.ts";

/** SourcedIds per stored row: a million-student file becomes a hundred rows, none of them large. */
export const DISCLOSED_IDS_PER_ROW = 10_000;

export interface DisclosedRecords {
  /**
   * Notes records of `file` as disclosed, writing a row each time a chunk fills, and the rest
   * when `last` says the file is complete.
   */
  add(file: string, sourcedIds: readonly string[], last: boolean): Promise<void>;
}

/**
 * Records which records a disclosure (an export) handed out, file by file, into
 * `audit_disclosed_records` next to its audit record, in the disclosure's own transaction.
 * Memory stays at one chunk per file whatever the export's size.
 *
 * @example
 * const disclosed = disclosedRecords(tx, await recordDisclosure(tx, {...}));
 * await disclosed.add("users.csv", ["u-1", "u-2"], true);
 */
export function disclosedRecords(
  tx: Transaction,
  disclosure: LoggedDisclosure,
  idsPerRow = DISCLOSED_IDS_PER_ROW,
): DisclosedRecords {
  const pending = new Map<string, { chunk: number; ids: string[] }>();
  const flush = async (file: string, entry: { chunk: number; ids: string[] }) => {
    await tx.insert(auditDisclosedRecords).values({
      tenantId: disclosure.tenantId,
      auditLogId: disclosure.id,
      occurredAt: disclosure.occurredAt,
      file,
      chunk: entry.chunk++,
      sourcedIds: entry.ids,
    });
    entry.ids = [];
  };
  return {
    async add(file, sourcedIds, last) {
      const entry = pending.get(file) ?? { chunk: 0, ids: [] };
      pending.set(file, entry);
      for (const id of sourcedIds) {
        entry.ids.push(id);
        if (entry.ids.length === idsPerRow) await flush(file, entry);
      }
      if (last && entry.ids.length) await flush(file, entry);
    },
  };
}
