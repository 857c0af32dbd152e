import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { userInfo } from "node:os";
import { finished } from "node:stream/promises";
import { startEdfiExport } from "../../edfi/index.ts";
import { startDisclosedExport } from "../../exports/index.ts";
import { requireTenant } from "../../tenants/index.ts";
import { requirePositional, requireValue } from "../args.ts";
import { defineCommand } from "../command.ts";
import { checkOutputFile } from "../output-file.ts";
import { CliError, openRuntime } from "../runtime.ts";

const USAGE_ONEROSTER = {
  name: "export",
  usage: ["export oneroster <out.zip> --tenant <slug> [--since <ISO date-time>]"],
};
const USAGE_EDFI = {
  name: "export",
  usage: ["export edfi <out.zip> --tenant <slug> [--since-change-version N] [--purpose <why>]"],
};
const USAGE = { name: "export", usage: [...USAGE_ONEROSTER.usage, ...USAGE_EDFI.usage] };

/** The purpose logged for an operator's Ed-Fi export when none is given. */
const CLI_EDFI_PURPOSE = "operator export (CLI)";

/**
 * Writes the tenant's OneRoster package (bulk, or delta with --since) or Ed-Fi JSONL zip (all,
 * or changed after --since-change-version), and logs the disclosure.
 */
export const exportCommand = defineCommand({
  ...USAGE,
  summary: "write a tenant's data as a OneRoster package or an Ed-Fi JSONL zip",
  subcommands: ["oneroster", "edfi"],
  options: {
    tenant: { type: "string", value: "<slug>", description: "the tenant to export" },
    since: {
      type: "string",
      value: "<ISO date-time>",
      description:
        "oneroster: only what changed since then (a delta package), e.g. 2026-09-01T00:00:00Z",
    },
    "since-change-version": {
      type: "string",
      value: "<N>",
      description: "edfi: only records changed after change version N (from the last manifest)",
    },
    purpose: {
      type: "string",
      value: "<why>",
      description: `edfi: the purpose recorded in the disclosure log (default "${CLI_EDFI_PURPOSE}")`,
    },
  },
  notes: "Every export is recorded in the tenant's disclosure log as cli:<your user name>.",
  run: async (values, [format, outArgument]) => {
    const usage = format === "edfi" ? USAGE_EDFI : USAGE_ONEROSTER;
    const out = requirePositional(outArgument, "the output path (e.g. district.zip)", usage);
    const slug = requireValue(values.tenant, "--tenant", usage);
    const misplaced =
      format === "edfi"
        ? values.since !== undefined && "--since"
        : (values["since-change-version"] !== undefined && "--since-change-version") ||
          (values.purpose !== undefined && "--purpose");
    if (misplaced) {
      throw new CliError(
        `${misplaced} does not apply to export ${format}.\nUsage: tsa-gateway ${usage.usage[0]}`,
      );
    }
    const since = values.since === undefined ? undefined : new Date(values.since);
    if (since && Number.isNaN(since.getTime())) {
      throw new CliError(
        `--since '${values.since}' is not a date-time; write e.g. 2026-09-01T00:00:00Z.`,
      );
    }
    const sinceChangeVersion = changeVersion(values["since-change-version"]);
    checkOutputFile(out);
    const runtime = await openRuntime({ migrate: "embedded" });
    try {
      const tenant = await requireTenant(runtime.database.db, slug);
      const recipient = `cli:${userInfo().username}`;
      const output = createWriteStream(out);
      try {
        if (format === "edfi") {
          const { done } = startEdfiExport(
            runtime.database.db,
            {
              tenantId: tenant.id,
              recipient,
              endpoint: "CLI export edfi",
              query:
                sinceChangeVersion === undefined ? "" : `sinceChangeVersion=${sinceChangeVersion}`,
              purpose: values.purpose?.trim() || CLI_EDFI_PURPOSE,
              sinceChangeVersion,
            },
            output,
          );
          const manifest = await done;
          await finished(output);
          const total = Object.values(manifest.counts).reduce((sum, n) => sum + n, 0);
          console.error(
            `Wrote ${out}: ${total} records; next time pass --since-change-version ${manifest.changeVersion}.`,
          );
          return 0;
        }
        const { done } = startDisclosedExport(
          runtime.database.db,
          {
            tenantId: tenant.id,
            recipient,
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

/** The --since-change-version value as a number, or an error with an example. */
function changeVersion(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    throw new CliError(
      `--since-change-version '${text}' is not a change version; write a whole number, e.g. the changeVersion of the previous export's manifest.json.`,
    );
  }
  return Number(text);
}
