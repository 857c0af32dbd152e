import { createTenant } from "../../tenants/index.ts";
import { requirePositional, requireValue } from "../args.ts";
import { defineCommand } from "../command.ts";
import { openRuntime } from "../runtime.ts";

const USAGE = { name: "tenants", usage: ['tenants create <slug> --name "<name>"'] };

export const tenantsCommand = defineCommand({
  ...USAGE,
  summary: "create a tenant (one district's separate data); prints it as one JSON line",
  subcommands: ["create"],
  options: {
    name: {
      type: "string",
      value: '"<name>"',
      description: "the district's name as people say it",
    },
  },
  run: async (values, [, slugArgument]) => {
    const slug = requirePositional(slugArgument, "the tenant's slug (e.g. riverside)", USAGE);
    const name = requireValue(values.name, "--name", USAGE);
    const runtime = await openRuntime({ migrate: "embedded" });
    try {
      const tenant = await createTenant(runtime.database.db, slug, name);
      console.log(JSON.stringify({ id: tenant.id, slug: tenant.slug, name: tenant.name }));
    } finally {
      await runtime.database.close();
    }
    return 0;
  },
});
