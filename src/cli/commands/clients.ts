import {
  ALL_SCOPES,
  type ClientSummary,
  createClient,
  listClients,
  revokeClient,
  rotateClient,
  tenantOfClient,
} from "../../auth/index.ts";
import { requireTenant } from "../../tenants/index.ts";
import { requirePositional, requireValue } from "../args.ts";
import { defineCommand, type OptionValues } from "../command.ts";
import { CliError, openRuntime, type Runtime } from "../runtime.ts";

const USAGE = {
  name: "clients",
  usage: [
    'clients create --tenant <slug> --name "<name>" [--scopes <s1,s2>|--all] [--org <sourcedId>]',
    "clients list --tenant <slug> [--json]",
    "clients revoke <clientId>",
    "clients rotate <clientId>",
  ],
};

const OPTIONS = {
  tenant: { type: "string", value: "<slug>", description: "the tenant the client belongs to" },
  name: { type: "string", value: '"<name>"', description: 'what the client is, e.g. "SIS sync"' },
  scopes: {
    type: "string",
    value: "<s1,s2>",
    description: "scopes it may ask for, comma-separated (roster.readonly, gateway.import, …)",
  },
  all: { type: "boolean", description: "every scope the gateway knows" },
  org: {
    type: "string",
    value: "<sourcedId>",
    description: "restrict it to this org and the orgs under it",
  },
  json: { type: "boolean", description: "list as one JSON array" },
} as const;

type Values = OptionValues<typeof OPTIONS>;

/** Creates, lists, revokes and rotates API clients; secrets are printed once, as JSON. */
export const clientsCommand = defineCommand({
  ...USAGE,
  summary: "create, list, revoke and rotate API clients (a secret is printed once, as JSON)",
  subcommands: ["create", "list", "revoke", "rotate"],
  options: OPTIONS,
  run: async (values, [action, clientId]) => {
    const work = ACTIONS[action as keyof typeof ACTIONS];
    const runtime = await openRuntime({ migrate: "embedded" });
    try {
      await work(runtime, values, clientId);
    } finally {
      await runtime.database.close();
    }
    return 0;
  },
});

const ACTIONS = {
  create: async ({ database }: Runtime, values: Values) => {
    const slug = requireValue(values.tenant, "--tenant", USAGE);
    const name = requireValue(values.name, "--name", USAGE);
    if (values.all && values.scopes) throw new CliError("Give --scopes or --all, not both.");
    const scopes = values.all
      ? ALL_SCOPES
      : (values.scopes ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
    const tenant = await requireTenant(database.db, slug);
    const client = await createClient(database.db, tenant, {
      name,
      scopes,
      orgSourcedId: values.org,
    });
    console.log(JSON.stringify(client));
  },
  list: async ({ database }: Runtime, values: Values) => {
    const tenant = await requireTenant(database.db, requireValue(values.tenant, "--tenant", USAGE));
    const clients = await listClients(database.db, tenant.id);
    if (values.json) console.log(JSON.stringify(clients));
    else for (const line of describeClients(clients)) console.log(line);
  },
  revoke: async ({ database }: Runtime, _values: Values, clientId?: string) => {
    const id = requirePositional(clientId, "the client id", USAGE);
    const tenant = await tenantOfClient(database.db, id);
    const client = await revokeClient(database.db, tenant.id, id);
    if (!client) throw new CliError(noSuchClient(id, tenant.slug));
    console.log(JSON.stringify({ clientId: client.clientId, revokedAt: client.revokedAt }));
    console.error(
      `Revoked ${id}: it gets no new token, and servers refuse its tokens within seconds.`,
    );
  },
  rotate: async ({ database }: Runtime, _values: Values, clientId?: string) => {
    const id = requirePositional(clientId, "the client id", USAGE);
    const tenant = await tenantOfClient(database.db, id);
    const client = await rotateClient(database.db, tenant.id, id);
    if (!client) throw new CliError(noSuchClient(id, tenant.slug));
    console.log(JSON.stringify(client));
  },
};

const noSuchClient = (clientId: string, slug: string) =>
  `No client '${clientId}' in tenant '${slug}'. See them with: npx tsa-gateway clients list --tenant ${slug}`;

function describeClients(clients: readonly ClientSummary[]): string[] {
  if (clients.length === 0) return ["No clients."];
  return clients.map((client) =>
    [
      client.clientId,
      client.revokedAt ? `revoked ${client.revokedAt}` : "active",
      JSON.stringify(client.name),
      client.orgSourcedId ? `org ${client.orgSourcedId}` : "all orgs",
      client.scopes.join(","),
    ].join("  "),
  );
}
