import { sql } from "drizzle-orm";
import type { Transaction } from "../db/client.ts";
import { auditLogs } from "../db/existing/index.ts";
import { queryRows } from "../db/query-rows.ts";
import type { Entity } from "../entities/index.ts";

/** A stored row as the audit log keeps it: every column but the tenant, or null when absent. */
export type StoredValues = Record<string, unknown> | null;

/**
 * The current values of one record, to log beside its new ones. Gradebook and resource tables
 * hold no secret; an entity with a `secret` field has it left out all the same.
 */
export async function storedValues(
  tx: Transaction,
  entity: Entity,
  sourcedId: string,
): Promise<StoredValues> {
  const hidden = [
    "tenant_id",
    ...entity.fields.flatMap((f) =>
      f.kind === "text" && f.secret && f.sqlName ? [f.sqlName] : [],
    ),
  ];
  const [row] = await queryRows<{ values: Record<string, unknown> }>(
    tx,
    sql`select to_jsonb(t) - ${sql.param(hidden)}::text[] as values
        from ${sql.identifier(entity.tableName)} t where t.sourced_id = ${sourcedId}`,
  );
  return row?.values ?? null;
}

/** One change a client made through the API: who, which operation, old and new values. */
export interface Change {
  tenantId: string;
  clientId: string;
  action: "create" | "replace" | "delete";
  entity: Entity;
  sourcedId: string;
  endpoint: string;
  /** The operation, e.g. `oneroster:putLineItem`. */
  purpose: string;
  ip?: string | undefined;
  old: StoredValues;
  new: StoredValues;
}

/**
 * Writes the change history record in the write's own transaction: a change whose history
 * cannot be written is not made.
 */
export async function recordChange(tx: Transaction, change: Change): Promise<void> {
  await tx.insert(auditLogs).values({
    tenantId: change.tenantId,
    actorType: "client",
    actorId: change.clientId,
    action: change.action,
    entity: change.entity.name,
    entityIds: [change.sourcedId],
    endpoint: change.endpoint,
    recordCount: 1,
    purpose: change.purpose,
    ip: change.ip ?? null,
    changes: { old: change.old, new: change.new },
  });
}
