import { disclosedRecords, recordDisclosure } from "../audit/index.ts";
import type { Database } from "../db/client.ts";
import { withTenant } from "../db/tenant-context.ts";
import { allowedOrgs } from "../entities/index.ts";
import { countExport } from "./count-export.ts";
import { type ExportCounts, exportOneRoster } from "./export-oneroster.ts";

export interface ExportRequest {
  tenantId: string;
  /** Who receives the data: an API client id, or `cli:<user>` for an operator. */
  recipient: string;
  endpoint: string;
  query: string;
  ip?: string | undefined;
  since?: Date | undefined;
  /** The org a restricted client is limited to: the export holds only its subtree. */
  orgSourcedId?: string | undefined;
  /** Why the data leaves, as the person asking stated it; logged after the operation. */
  statedPurpose?: string | undefined;
}

/**
 * Starts a OneRoster export in one repeatable-read snapshot, recording the disclosure (with the
 * exact record count of that snapshot) before the first byte is written: `disclosed` settles
 * once it is recorded (or rejects if it could not be), `done` when the package is complete.
 */
export function startDisclosedExport(
  db: Database,
  request: ExportRequest,
  output: NodeJS.WritableStream,
): { disclosed: Promise<void>; done: Promise<ExportCounts> } {
  let markDisclosed!: () => void;
  const disclosedOnly = new Promise<void>((resolve) => {
    markDisclosed = resolve;
  });
  const since = request.since;
  const done = withTenant(
    db,
    request.tenantId,
    async (tx) => {
      const orgs = request.orgSourcedId
        ? await allowedOrgs(tx, request.tenantId, request.orgSourcedId)
        : undefined;
      const logged = await recordDisclosure(tx, {
        tenantId: request.tenantId,
        clientId: request.recipient,
        entity: "oneroster-package",
        entityIds: [],
        endpoint: request.endpoint,
        query: request.query,
        recordCount: await countExport(tx, since, orgs),
        purpose: [since ? "oneroster:export-delta" : "oneroster:export-bulk", request.statedPurpose]
          .filter(Boolean)
          .join(": "),
        ip: request.ip,
      });
      markDisclosed();
      const disclosed = disclosedRecords(tx, logged);
      return exportOneRoster(tx, output, {
        ...(since ? { since } : {}),
        ...(orgs ? { orgs } : {}),
        onRecords: (file, sourcedIds, last) => disclosed.add(`${file}.csv`, sourcedIds, last),
      });
    },
    { isolation: "repeatable read" },
  );
  return { disclosed: Promise.race([disclosedOnly, done.then(() => undefined)]), done };
}
