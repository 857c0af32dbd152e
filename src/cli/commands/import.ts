import { statSync } from "node:fs";
import { basename } from "node:path";
import { formatReport } from "../../csv/index.ts";
import { createImportJob, runImportJob } from "../../imports/index.ts";
import { requireTenant } from "../../tenants/index.ts";
import { parseCommand, requireValue } from "../args.ts";
import { createProgress } from "../progress.ts";
import { CliError, openRuntime } from "../runtime.ts";

const USAGE = "tsa-gateway import <zip|dir> --tenant <slug> [--dry-run] [--force] [--json]";

/**
 * Imports a OneRoster CSV package (zip or folder) into a tenant and prints the validation
 * report; the exit code is 1 when the package is rejected or the import fails.
 */
export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      tenant: { type: "string" },
      "dry-run": { type: "boolean" },
      force: { type: "boolean" },
      json: { type: "boolean" },
    },
    USAGE,
  );
  const path = positionals[0];
  if (!path) throw new CliError(`Missing the package path.\nUsage: ${USAGE}`);
  const slug = requireValue(values.tenant, "--tenant", USAGE);
  const json = values.json ?? false;
  const runtime = await openRuntime({ migrate: "embedded" });
  try {
    const { db } = runtime.database;
    const tenant = await requireTenant(db, slug);
    const job = await createImportJob(db, tenant, {
      fileName: basename(path),
      bytesTotal: statSync(path, { throwIfNoEntry: false })?.size ?? 0,
      dryRun: values["dry-run"] ?? false,
      force: values.force ?? false,
      createdBy: "cli",
    });
    const progress = createProgress("rows", { quiet: json });
    const outcome = await runImportJob(db, tenant, job, path, {
      maxRemovalShare: runtime.config.IMPORT_MAX_REMOVAL_SHARE,
      limits: {
        maxEntries: runtime.config.ZIP_MAX_ENTRIES,
        maxInflatedBytes: runtime.config.ZIP_MAX_INFLATED_BYTES,
        maxCompressionRatio: runtime.config.ZIP_MAX_RATIO,
      },
      onProgress: (p) => progress.update(p.rows, `${p.file}.csv`),
    });
    progress.stop();
    if (json) {
      console.log(
        JSON.stringify({
          job: job.id,
          status: outcome.status,
          dryRun: outcome.dryRun,
          report: outcome.report,
        }),
      );
    } else {
      console.log(formatReport(outcome.report));
      console.log(
        `\nImport ${job.id}: ${outcome.status}${outcome.dryRun ? " (dry run: nothing was changed)" : ""}`,
      );
    }
    return outcome.status === "succeeded" ? 0 : 1;
  } finally {
    await runtime.database.close();
  }
}
