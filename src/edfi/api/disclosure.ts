import type { Context } from "hono";
import { recordDisclosure, requesterAddress } from "../../audit/index.ts";
import type { Transaction } from "../../db/client.ts";
import type { AppEnv } from "../../kernel/app-env.ts";
import type { EdfiDocument } from "../read-documents.ts";
import type { EdfiResource } from "../resource.ts";

/** Where a document names the student (or contact) it is about. */
const PERSON_PATHS = [
  ["studentUniqueId"],
  ["contactUniqueId"],
  ["studentReference", "studentUniqueId"],
  ["studentSectionAssociationReference", "studentUniqueId"],
] as const;

/** The people a page is about: our sourcedIds, each once, to answer "who saw this student". */
function peopleOf(documents: readonly EdfiDocument[]): string[] {
  const ids = new Set<string>();
  for (const document of documents) {
    for (const path of PERSON_PATHS) {
      const value = path.reduce<unknown>(
        (at, step) => (at as Record<string, unknown>)?.[step],
        document,
      );
      if (typeof value === "string") ids.add(value);
    }
  }
  return [...ids];
}

/**
 * Logs a disclosure of student data in the request's own transaction (nothing is sent if it
 * cannot be written): one record per response, with the client, the purpose (`purpose` in the
 * query, else the operation), the resource and the record count.
 */
export async function logDisclosure(
  c: Context<AppEnv>,
  tx: Transaction,
  resource: EdfiResource,
  documents: readonly EdfiDocument[],
  purpose: string | undefined,
  url: URL,
): Promise<void> {
  if (!resource.studentData) return;
  const { tenantId, clientId } = c.var.auth;
  await recordDisclosure(tx, {
    tenantId,
    clientId,
    entity: `edfi:${resource.endpoint}`,
    entityIds: peopleOf(documents),
    endpoint: `${c.req.method} ${url.pathname}`,
    query: [...url.searchParams].map(([name, value]) => `${name}=${value}`).join("&"),
    recordCount: documents.length,
    purpose: purpose ?? `edfi:get:${resource.endpoint}`,
    ip: requesterAddress(c),
  });
}
