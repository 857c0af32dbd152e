import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { userInfo } from "node:os";
import { finished } from "node:stream/promises";
import { startDisclosedExport } from "../../exports/index.ts";
import { requireTenant } from "../../tenants/index.ts";
import { parseCommand, requireValue } from "../args.ts";
import { CliError, openRuntime } from "../runtime.ts";

const USAGE = "tsa-gateway export oneroster <out.zip> --tenant <slug> [--since <ISO date-time>]";

/** Writes the tenant's OneRoster package (bulk, or delta with --since) and logs the disclosure. */
export async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    { tenant: { type: "string" }, since: { type: "string" } },
    USAGE,
  );
  const [format, out] = positionals;
  if (format !== "oneroster" || !out) throw new CliError(`Usage: ${USAGE}`);
  const slug = requireValue(values.tenant, "--tenant", USAGE);
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime())) {
    throw new CliError(
      `--since '${values.since}' is not a date-time; write e.g. 2026-09-01T00:00:00Z.`,
    );
  }
  const runtime = await openRuntime({ migrate: "embedded" });
  const output = createWriteStream(out);
  try {
    const tenant = await requireTenant(runtime.database.db, slug);
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
  } finally {
    await runtime.database.close();
  }
}
