import { type SQL, sql } from "drizzle-orm";
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

/** A disclosure whose records are the rows of a relation in the same statement (a read's page). */
export type PageDisclosure = Omit<Disclosure, "entityIds" | "recordCount">;

/**
 * The insert that logs `disclosure` for the rows of `page` (a relation of the same statement
 * with a `"sourcedId"` column and an ordinal `"#"`), to run as a data-modifying CTE of the read
 * itself: one round trip, and the read fails with it when the record cannot be written. With
 * `onlyIfAny`, an empty page logs nothing (a by-id read that found nothing disclosed nothing).
 *
 * @example
 * sql`with page as (…), logged as (${disclosureInsert(disclosure, sql`page`, { onlyIfAny: false })}) select …`
 */
export function disclosureInsert(
  disclosure: PageDisclosure,
  page: SQL,
  options: { onlyIfAny: boolean },
): SQL {
  return sql`insert into audit_logs (tenant_id, actor_type, actor_id, action, entity, entity_ids,
      endpoint, query, record_count, purpose, ip)
    select ${disclosure.tenantId}::uuid, 'client', ${disclosure.clientId}, 'disclose',
      ${disclosure.entity}, coalesce(array_agg(p."sourcedId" order by p."#"), '{}'),
      ${disclosure.endpoint}, ${disclosure.query}, count(*)::int, ${disclosure.purpose},
      ${disclosure.ip ?? null}::inet
    from ${page} p${options.onlyIfAny ? sql` having count(*) > 0` : sql``}`;
}
