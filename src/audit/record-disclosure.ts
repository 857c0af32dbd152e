import type { Transaction } from "../db/client.ts";
import { auditLogs } from "../db/existing/index.ts";

/** One disclosure of student data to an API client: who, what, how much; never the data. */
export interface Disclosure {
  tenantId: string;
  clientId: string;
  /** The entity disclosed, e.g. `user` or `demographics`. */
  entity: string;
  /** SourcedIds of the records in the response, to answer "who saw this student's record". */
  entityIds: readonly string[];
  /** Method and path, e.g. `GET /ims/oneroster/rostering/v1p2/users`. */
  endpoint: string;
  /** The query parameters as the client meant them, e.g. `limit=5&filter=status='active'`. */
  query: string;
  recordCount: number;
  /** Why the data left: the operation that served it, e.g. `oneroster:getAllUsers`. */
  purpose: string;
  ip?: string | undefined;
}

/** The audit record a disclosure was logged as, to attach the disclosed records to. */
export interface LoggedDisclosure {
  tenantId: string;
  id: string;
  occurredAt: Date;
}

/**
 * Writes the disclosure record in the request's own transaction, so a response whose record
 * cannot be written is never sent: the failure rolls the read back and the request fails.
 *
 * @example
 * await withTenant(db, tenantId, async (tx) => {
 *   const page = await readPage(tx, …);
 *   await recordDisclosure(tx, { tenantId, clientId, entity: "user", entityIds, endpoint, query, recordCount, purpose });
 * });
 */
export async function recordDisclosure(
  tx: Transaction,
  disclosure: Disclosure,
): Promise<LoggedDisclosure> {
  const [logged] = await tx
    .insert(auditLogs)
    .values({
      tenantId: disclosure.tenantId,
      actorType: "client",
      actorId: disclosure.clientId,
      action: "disclose",
      entity: disclosure.entity,
      entityIds: [...disclosure.entityIds],
      endpoint: disclosure.endpoint,
      query: disclosure.query,
      recordCount: disclosure.recordCount,
      purpose: disclosure.purpose,
      ip: disclosure.ip ?? null,
    })
    .returning({ id: auditLogs.id, occurredAt: auditLogs.occurredAt });
  if (!logged) throw new Error("the disclosure record was not written");
  return { tenantId: disclosure.tenantId, ...logged };
}
