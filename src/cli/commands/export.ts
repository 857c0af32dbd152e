import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { userInfo } from "node:os";
import { finished } from "node:stream/promises";
import { startDisclosedExport } from "../../exports/index.ts";
import { requireTenant } from "../../tenants/index.ts";
import { requirePositional, requireValue } from "../args.ts";
import { defineCommand } from "../command.ts";
import { checkOutputFile } from "../output-file.ts";
import { CliError, openRuntime } from "../runtime.ts";

const USAGE = {
  name: "export",
  usage: ["export oneroster <out.zip> --tenant <slug> [--since <ISO date-time>]"],
};

/** Writes the tenant's OneRoster package (bulk, or delta with --since) and logs the disclosure. */
export const exportCommand = defineCommand({
  ...USAGE,
  summary: "write a tenant's data as a OneRoster package (bulk, or delta since a time)",
  subcommands: ["oneroster"],
  options: {
    tenant: { type: "string", value: "<slug>", description: "the tenant to export" },
    since: {
      type: "string",
      value: "<ISO date-time>",
      description: "only what changed since then (a delta package), e.g. 2026-09-01T00:00:00Z",
    },
  },
  notes: "Every export is recorded in the tenant's disclosure log as cli:<your user name>.",
  run: async (values, [, outArgument]) => {
    const out = requirePositional(outArgument, "the output path (e.g. district.zip)", USAGE);
    const slug = requireValue(values.tenant, "--tenant", USAGE);
    const since = values.since === undefined ? undefined : new Date(values.since);
    if (since && Number.isNaN(since.getTime())) {
      throw new CliError(
        `--since '${values.since}' is not a date-time; write e.g. 2026-09-01T00:00:00Z.`,
      );
    }
    checkOutputFile(out);
    const runtime = await openRuntime({ migrate: "embedded" });
    try {
      const tenant = await requireTenant(runtime.database.db, slug);
      const output = createWriteStream(out);
      try {
        const { done } = startDisclosedExport(
          runtime.database.db,
          {
            tenantId: tenant.id,
            recipient: `cli:${userInfo().username}`,
            endpoint: "CLI export oneroster",
            query: since ? `since=${since.toISOString()}` : "",
            since,
          },
          output,
        );
        const counts = await done;
        await finished(output);
        const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
        console.error(`Wrote ${out}: ${total} records (${since ? "delta" : "bulk"}).`);
      } catch (error) {
        output.destroy();
        await rm(out, { force: true });
        throw error;
      }
    } finally {
      await runtime.database.close();
    }
    return 0;
  },
});
