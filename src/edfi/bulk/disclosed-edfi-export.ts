import { disclosedRecords, recordDisclosure } from "../../audit/index.ts";
import type { Database } from "../../db/client.ts";
import { withTenant } from "../../db/tenant-context.ts";
import { allowedOrgs } from "../../entities/index.ts";
import { countEdfiExport, type EdfiManifest, exportEdfi } from "./export-edfi.ts";

export interface EdfiExportRequest {
  tenantId: string;
  /** Who receives the data: an API client id, or `cli:<user>` for an operator. */
  recipient: string;
  endpoint: string;
  query: string;
  /** Why the data leaves (FERPA §99.32): required, the caller checks it is given. */
  purpose: string;
  ip?: string | undefined;
  sinceChangeVersion?: number | undefined;
  /** The org a restricted client is limited to: the export holds only its subtree. */
  orgSourcedId?: string | undefined;
}

/**
 * Starts an Ed-Fi bulk export in one repeatable-read snapshot, recording the disclosure (the
 * recipient, the purpose, the resources and the exact record count of that snapshot) before the
 * first byte is written, and each file's record ids beside it as they go out. `disclosed` settles
 * once it is recorded (or rejects if it could not be), `done` when the zip is complete.
 */
export function startEdfiExport(
  db: Database,
  request: EdfiExportRequest,
  output: NodeJS.WritableStream,
): { disclosed: Promise<void>; done: Promise<EdfiManifest> } {
  let markDisclosed!: () => void;
  const disclosedOnly = new Promise<void>((resolve) => {
    markDisclosed = resolve;
  });
  const done = withTenant(
    db,
    request.tenantId,
    async (tx) => {
      const orgs = request.orgSourcedId
        ? await allowedOrgs(tx, request.tenantId, request.orgSourcedId)
        : undefined;
      const options = {
        tenantId: request.tenantId,
        orgs,
        sinceChangeVersion: request.sinceChangeVersion,
      };
      const counts = await countEdfiExport(tx, options);
      const logged = await recordDisclosure(tx, {
        tenantId: request.tenantId,
        clientId: request.recipient,
        entity: "edfi-bulk",
        entityIds: Object.keys(counts),
        endpoint: request.endpoint,
        query: request.query,
        recordCount: Object.values(counts).reduce((sum, n) => sum + n, 0),
        purpose: request.purpose,
        ip: request.ip,
      });
      markDisclosed();
      const disclosed = disclosedRecords(tx, logged);
      return exportEdfi(tx, output, {
        ...options,
        onRecords: (file, ids, last) => disclosed.add(file, ids, last),
      });
    },
    { isolation: "repeatable read" },
  );
  return { disclosed: Promise.race([disclosedOnly, done.then(() => undefined)]), done };
}
