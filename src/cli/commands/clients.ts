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
import { parseCommand, requireValue } from "../args.ts";
import { CliError, openRuntime, type Runtime } from "../runtime.ts";

const USAGE = `tsa-gateway clients create --tenant <slug> --name "<name>" [--scopes <s1,s2>|--all] [--org <sourcedId>]
       tsa-gateway clients list --tenant <slug> [--json]
       tsa-gateway clients revoke <clientId>
       tsa-gateway clients rotate <clientId>`;

const OPTIONS = {
  tenant: { type: "string" },
  name: { type: "string" },
  scopes: { type: "string" },
  all: { type: "boolean" },
  org: { type: "string" },
  json: { type: "boolean" },
} as const;

type Values = ReturnType<typeof parseCommand<typeof OPTIONS>>["values"];

/** Creates, lists, revokes and rotates API clients; secrets are printed once, as JSON. */
export async function clientsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, OPTIONS, USAGE);
  const [action, clientId] = positionals;
  const work = ACTIONS[action ?? ""];
  if (!work) throw new CliError(`Usage: ${USAGE}`);
  const runtime = await openRuntime({ migrate: "embedded" });
  try {
    await work(runtime, values, clientId);
  } finally {
    await runtime.database.close();
  }
}

const ACTIONS: Record<
  string,
  (runtime: Runtime, values: Values, clientId: string | undefined) => Promise<void>
> = {
  create: async ({ database }, values) => {
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
    const tenant = await requireTenant(database.db, slug);
    const client = await createClient(database.db, tenant, {
      name,
      scopes,
      orgSourcedId: values.org,
    });
    console.log(JSON.stringify(client));
  },
  list: async ({ database }, values) => {
    const tenant = await requireTenant(database.db, requireValue(values.tenant, "--tenant", USAGE));
    const clients = await listClients(database.db, tenant.id);
    if (values.json) console.log(JSON.stringify(clients));
    else for (const line of describeClients(clients)) console.log(line);
  },
  revoke: async ({ database }, _values, clientId) => {
    const id = requireClientId(clientId);
    const tenant = await tenantOfClient(database.db, id);
    const client = await revokeClient(database.db, tenant.id, id);
    if (!client) throw new CliError(noSuchClient(id, tenant.slug));
    console.log(JSON.stringify({ clientId: client.clientId, revokedAt: client.revokedAt }));
    console.error(
      `Revoked ${id}: it gets no new token, and servers refuse its tokens within seconds.`,
    );
  },
  rotate: async ({ database }, _values, clientId) => {
    const id = requireClientId(clientId);
    const tenant = await tenantOfClient(database.db, id);
    const client = await rotateClient(database.db, tenant.id, id);
    if (!client) throw new CliError(noSuchClient(id, tenant.slug));
    console.log(JSON.stringify(client));
  },
};

function requireClientId(clientId: string | undefined): string {
  if (!clientId) throw new CliError(`Missing the client id.\nUsage: ${USAGE}`);
  return clientId;
}

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
