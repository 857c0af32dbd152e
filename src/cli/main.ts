import { ClientError } from "../auth/index.ts";
import { ConfigError } from "../config/env.ts";
import { ConsoleUserError } from "../console/index.ts";
import { EmbeddedDatabaseBusy } from "../db/embedded-owner.ts";
import { deploymentScript } from "../db/sql-script.ts";
import { TenantError } from "../tenants/index.ts";
import { clientsCommand } from "./commands/clients.ts";
import { demoCommand } from "./commands/demo.ts";
import { exportCommand } from "./commands/export.ts";
import { generateCommand } from "./commands/generate.ts";
import { importCommand } from "./commands/import.ts";
import { maintainCommand } from "./commands/maintain.ts";
import { serveRuntime } from "./commands/serve.ts";
import { tenantsCommand } from "./commands/tenants.ts";
import { usersCommand } from "./commands/users.ts";
import { CliError, openRuntime } from "./runtime.ts";

const HELP = `TSA Coach Gateway: OneRoster 1.2 / Ed-Fi gateway of the TSA Coach platform

Usage: npx tsa-gateway <command> [options]

  demo                                  tenant 'demo' with a generated district, a client, then serve
  serve                                 run the HTTP gateway (PORT, HOST, DATABASE_URL, DATA_DIR)
  migrate                               apply database migrations
  sql                                   print the whole deployment as one SQL script (psql -f)
  tenants create <slug> --name <name>   create a tenant
  clients create --tenant <slug> --name <name> [--scopes a,b|--all] [--org <sourcedId>]
                                        create an API client; prints {"clientId","clientSecret","scopes"}
  clients list --tenant <slug> [--json] list a tenant's API clients (never their secrets)
  clients revoke <clientId>             revoke a client: no new tokens, its tokens refused within seconds
  clients rotate <clientId>             give a client a new secret (printed once); older tokens are refused
  users create --tenant <slug> --email <email> [--role admin|uploader|auditor] [--password-stdin]
                                        create a console user (/console); asks for the password
  import <zip|dir> --tenant <slug> [--dry-run] [--force] [--json]
                                        import a OneRoster CSV package and print its validation report
  maintain                              create partitions ahead and refresh the dashboards
  export oneroster <out.zip> --tenant <slug> [--since <ISO>]
                                        write the tenant's OneRoster package (bulk, or delta since a time)
  generate <out.zip> --students <n> [--seed <s>]
                                        write a synthetic district as a OneRoster 1.2 bulk package

Without DATABASE_URL the gateway uses an embedded PostgreSQL (PGlite) under DATA_DIR (./.data).`;

/** A command resolves with its exit code, or with nothing for success. */
const COMMANDS: Record<string, (args: string[]) => Promise<unknown>> = {
  demo: () => demoCommand(),
  serve: async () => serveRuntime(await openRuntime({ migrate: "embedded" })),
  migrate: async () => {
    const runtime = await openRuntime({ migrate: "always" });
    console.error(`Schema is at ${runtime.schemaVersion} (${runtime.database.kind}).`);
    await runtime.database.close();
  },
  sql: async () => {
    process.stdout.write(deploymentScript());
  },
  tenants: tenantsCommand,
  clients: clientsCommand,
  users: usersCommand,
  import: importCommand,
  maintain: () => maintainCommand(),
  export: exportCommand,
  generate: generateCommand,
};

const EXPECTED_ERRORS = [
  CliError,
  ConfigError,
  TenantError,
  ClientError,
  ConsoleUserError,
  EmbeddedDatabaseBusy,
];

/** Runs one CLI command and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(HELP);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command '${name}'.\n\n${HELP}`);
    return 2;
  }
  try {
    const code = await command(args);
    return typeof code === "number" ? code : 0;
  } catch (error) {
    if (EXPECTED_ERRORS.some((type) => error instanceof type)) {
      console.error(`Error: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}
