import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { userInfo } from "node:os";
import { finished } from "node:stream/promises";
import { startEdfiExport } from "../../edfi/index.ts";
import { startDisclosedExport } from "../../exports/index.ts";
import { requireTenant } from "../../tenants/index.ts";
import { parseCommand, requireValue } from "../args.ts";
import { CliError, openRuntime } from "../runtime.ts";

const USAGE_ONEROSTER =
  "tsa-gateway export oneroster <out.zip> --tenant <slug> [--since <ISO date-time>]";
const USAGE_EDFI =
  "tsa-gateway export edfi <out.zip> --tenant <slug> [--since-change-version N] [--purpose <why>]";
const USAGE = `${USAGE_ONEROSTER}\n       ${USAGE_EDFI}`;

/** The purpose logged for an operator's Ed-Fi export when none is given. */
const CLI_EDFI_PURPOSE = "operator export (CLI)";

/**
 * Writes the tenant's OneRoster package (bulk, or delta with --since) or Ed-Fi JSONL zip (all,
 * or changed after --since-change-version), and logs the disclosure.
 */
export async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      tenant: { type: "string" },
      since: { type: "string" },
      "since-change-version": { type: "string" },
      purpose: { type: "string" },
    },
    USAGE,
  );
  const [format, out] = positionals;
  if ((format !== "oneroster" && format !== "edfi") || !out) {
    throw new CliError(`Usage: ${USAGE}`);
  }
  const usage = format === "edfi" ? USAGE_EDFI : USAGE_ONEROSTER;
  const slug = requireValue(values.tenant, "--tenant", usage);
  const misplaced =
    format === "edfi"
      ? values.since !== undefined && "--since"
      : (values["since-change-version"] !== undefined && "--since-change-version") ||
        (values.purpose !== undefined && "--purpose");
  if (misplaced)
    throw new CliError(`${misplaced} does not apply to export ${format}.\nUsage: ${usage}`);
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime())) {
    throw new CliError(
      `--since '${values.since}' is not a date-time; write e.g. 2026-09-01T00:00:00Z.`,
    );
  }
  const sinceChangeVersion = changeVersion(values["since-change-version"]);
  const purpose = values.purpose?.trim() || CLI_EDFI_PURPOSE;
  const runtime = await openRuntime({ migrate: "embedded" });
  const output = createWriteStream(out);
  try {
    const tenant = await requireTenant(runtime.database.db, slug);
    const recipient = `cli:${userInfo().username}`;
    if (format === "edfi") {
      const { done } = startEdfiExport(
        runtime.database.db,
        {
          tenantId: tenant.id,
          recipient,
          endpoint: "CLI export edfi",
          query: sinceChangeVersion === undefined ? "" : `sinceChangeVersion=${sinceChangeVersion}`,
          purpose,
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
      return;
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
  } finally {
    await runtime.database.close();
  }
}

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
