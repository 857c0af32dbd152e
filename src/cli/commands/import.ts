import { statSync } from "node:fs";
import { basename } from "node:path";
import { formatReport } from "../../csv/index.ts";
import { createImportJob, runImportJob } from "../../imports/index.ts";
import { requireTenant } from "../../tenants/index.ts";
import { requirePositional, requireValue } from "../args.ts";
import { defineCommand } from "../command.ts";
import { createProgress } from "../progress.ts";
import { openRuntime } from "../runtime.ts";

const USAGE = {
  name: "import",
  usage: ["import <zip|dir> --tenant <slug> [--dry-run] [--force] [--json]"],
};

/**
 * Imports a OneRoster CSV package (zip or folder) into a tenant and prints the validation
 * report; the exit code is 1 when the package is rejected or the import fails.
 */
export const importCommand = defineCommand({
  ...USAGE,
  summary: "import a OneRoster CSV package and print its validation report",
  options: {
    tenant: { type: "string", value: "<slug>", description: "the tenant to import into" },
    "dry-run": { type: "boolean", description: "validate and count, but change nothing" },
    force: {
      type: "boolean",
      description:
        "apply a bulk import even when it marks more than IMPORT_MAX_REMOVAL_SHARE tobedeleted",
    },
    json: { type: "boolean", description: "print the report as one JSON object, without progress" },
  },
  notes:
    "Per file the report shows rows read and rejected, then inserted, updated, unchanged and marked tobedeleted.\nExit code: 0 imported, 1 rejected or failed.",
  run: async (values, [pathArgument]) => {
    const path = requirePositional(pathArgument, "the package path (a .zip or a folder)", USAGE);
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
      const progress = createProgress("bytes", { quiet: json });
      const outcome = await runImportJob(db, tenant, job, path, {
        maxRemovalShare: runtime.config.IMPORT_MAX_REMOVAL_SHARE,
        limits: {
          maxEntries: runtime.config.ZIP_MAX_ENTRIES,
          maxInflatedBytes: runtime.config.ZIP_MAX_INFLATED_BYTES,
          maxCompressionRatio: runtime.config.ZIP_MAX_RATIO,
        },
        onProgress: (p) =>
          progress.update(
            p.bytesRead,
            p.bytesTotal,
            `${p.file}.csv, ${p.rows.toLocaleString("en-US")} rows`,
          ),
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
  },
});
