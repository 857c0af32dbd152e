import { createTenant } from "../../tenants/index.ts";
import { parseCommand, requireValue } from "../args.ts";
import { CliError, openRuntime } from "../runtime.ts";

const USAGE = 'tsa-gateway tenants create <slug> --name "<name>"';

export async function tenantsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { name: { type: "string" } }, USAGE);
  const [action, slug] = positionals;
  if (action !== "create" || !slug) throw new CliError(`Usage: ${USAGE}`);
  const name = requireValue(values.name, "--name", USAGE);
  const runtime = await openRuntime({ migrate: "embedded" });
  try {
    const tenant = await createTenant(runtime.database.db, slug, name);
    console.log(JSON.stringify({ id: tenant.id, slug: tenant.slug, name: tenant.name }));
  } finally {
    await runtime.database.close();
  }
}
