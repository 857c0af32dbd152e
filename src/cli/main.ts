import { ClientError } from "../auth/index.ts";
import { ConfigError, wantsDebugOutput } from "../config/env.ts";
import { ConsoleUserError } from "../console/index.ts";
import { EmbeddedDatabaseBusy } from "../db/embedded-owner.ts";
import { closestName } from "../kernel/text-distance.ts";
import { TenantError } from "../tenants/index.ts";
import type { Command } from "./command.ts";
import { clientsCommand } from "./commands/clients.ts";
import { demoCommand } from "./commands/demo.ts";
import { exportCommand } from "./commands/export.ts";
import { generateCommand } from "./commands/generate.ts";
import { importCommand } from "./commands/import.ts";
import { maintainCommand } from "./commands/maintain.ts";
import { migrateCommand, sqlCommand } from "./commands/schema.ts";
import { serveCommand } from "./commands/serve.ts";
import { tenantsCommand } from "./commands/tenants.ts";
import { usersCommand } from "./commands/users.ts";
import { CliError } from "./runtime.ts";
import { describeUnexpected } from "./unexpected.ts";

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  demoCommand,
  serveCommand,
  migrateCommand,
  sqlCommand,
  tenantsCommand,
  clientsCommand,
  usersCommand,
  importCommand,
  exportCommand,
  generateCommand,
  maintainCommand,
];

const EXPECTED_ERRORS = [
  CliError,
  ConfigError,
  TenantError,
  ClientError,
  EmbeddedDatabaseBusy,
  ConsoleUserError,
];

function overview(): string {
  const lines = COMMANDS.flatMap((command) => [
    ...command.usage.map((usage) => `  tsa-gateway ${usage}`),
    `      ${command.summary}`,
  ]);
  return [
    "TSA Coach Gateway: OneRoster 1.2 / Ed-Fi gateway of the TSA Coach platform",
    "",
    "Usage: npx tsa-gateway <command> [options]     (npx tsa-gateway <command> --help for more)",
    "",
    ...lines,
    "",
    "Without DATABASE_URL the gateway uses an embedded PostgreSQL (PGlite) under DATA_DIR (./.data).",
    "DEBUG=1 shows the stack trace of an unexpected error.",
  ].join("\n");
}

/** Runs one CLI command and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(overview());
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const suggestion = closestName(
      name,
      COMMANDS.map((candidate) => candidate.name),
    );
    console.error(
      `Unknown command '${name}'.${suggestion ? ` Did you mean '${suggestion}'?` : ""} See: npx tsa-gateway --help`,
    );
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (EXPECTED_ERRORS.some((type) => error instanceof type)) {
      console.error(`Error: ${(error as Error).message}`);
    } else {
      console.error(describeUnexpected(error, wantsDebugOutput()));
    }
    return 1;
  }
}
