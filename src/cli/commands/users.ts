import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { consoleRole, createConsoleUser } from "../../console/index.ts";
import { requireTenant } from "../../tenants/index.ts";
import { parseCommand, requireValue } from "../args.ts";
import { CliError, openRuntime } from "../runtime.ts";

const USAGE =
  "tsa-gateway users create --tenant <slug> --email <email> [--role admin|uploader|auditor] [--password-stdin]";

const OPTIONS = {
  tenant: { type: "string" },
  email: { type: "string" },
  role: { type: "string" },
  "password-stdin": { type: "boolean" },
} as const;

/** Creates a console user; the password is asked for on the terminal, or read from stdin. */
export async function usersCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, OPTIONS, USAGE);
  if (positionals[0] !== "create") throw new CliError(`Usage: ${USAGE}`);
  const slug = requireValue(values.tenant, "--tenant", USAGE);
  const email = requireValue(values.email, "--email", USAGE);
  const role = consoleRole(values.role ?? "uploader");
  const password = values["password-stdin"] ? await readStdin() : await askHidden();
  const runtime = await openRuntime({ migrate: "embedded" });
  try {
    const tenant = await requireTenant(runtime.database.db, slug);
    const user = await createConsoleUser(runtime.database.db, tenant, { email, role, password });
    console.log(JSON.stringify(user));
    console.error(`${user.email} can now sign in at /console/sign-in (district '${tenant.slug}').`);
  } finally {
    await runtime.database.close();
  }
}

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, "");
}

/** Asks for the password without echoing it; refuses when there is no terminal to ask on. */
async function askHidden(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new CliError(
      `No terminal to ask the password on: pipe it in with --password-stdin.\nUsage: ${USAGE}`,
    );
  }
  process.stderr.write("Password: ");
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await prompt.question("");
  } finally {
    prompt.close();
    process.stderr.write("\n");
  }
}
