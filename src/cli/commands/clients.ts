import { createClient } from "../../auth/clients.ts";
import { ALL_SCOPES } from "../../auth/scopes.ts";
import { requireTenant } from "../../tenants/tenants.ts";
import { parseCommand, requireValue } from "../args.ts";
import { CliError, openRuntime } from "../runtime.ts";

const USAGE =
  'tsa-gateway clients create --tenant <slug> --name "<name>" [--scopes <s1,s2>|--all] [--org <sourcedId>]';

export async function clientsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      tenant: { type: "string" },
      name: { type: "string" },
      scopes: { type: "string" },
      all: { type: "boolean" },
      org: { type: "string" },
    },
    USAGE,
  );
  if (positionals[0] !== "create") throw new CliError(`Usage: ${USAGE}`);
  const slug = requireValue(values.tenant, "--tenant", USAGE);
  const name = requireValue(values.name, "--name", USAGE);
  if (values.all && values.scopes)
    throw new CliError(`Give --scopes or --all, not both.\nUsage: ${USAGE}`);
  const scopes = values.all
    ? ALL_SCOPES
    : (values.scopes ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
  const runtime = await openRuntime({ migrate: "embedded" });
  try {
    const tenant = await requireTenant(runtime.database.db, slug);
    const client = await createClient(runtime.database.db, tenant, {
      name,
      scopes,
      orgSourcedId: values.org,
    });
    console.log(JSON.stringify(client));
  } finally {
    await runtime.database.close();
  }
}
