import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { consoleRole, createConsoleUser } from "../../console/index.ts";
import { requireTenant } from "../../tenants/index.ts";
import { requirePositional, requireValue } from "../args.ts";
import { defineCommand } from "../command.ts";
import { CliError, openRuntime } from "../runtime.ts";

const USAGE = {
  name: "users",
  usage: [
    "users create --tenant <slug> --email <email> [--role admin|uploader|auditor] [--password-stdin]",
  ],
};

/** Creates a console user; the password is asked for on the terminal, or read from stdin. */
export const usersCommand = defineCommand({
  ...USAGE,
  summary: "create a console user (/console); asks for the password",
  subcommands: ["create"],
  options: {
    tenant: { type: "string", value: "<slug>", description: "the district the user signs in to" },
    email: { type: "string", value: "<email>", description: "the user's sign-in name" },
    role: {
      type: "string",
      value: "admin|uploader|auditor",
      description: "what the user may do (default uploader)",
    },
    "password-stdin": {
      type: "boolean",
      description: "read the password from standard input instead of asking",
    },
  },
  run: async (values, [action]) => {
    requirePositional(action, "the subcommand (create)", USAGE);
    const slug = requireValue(values.tenant, "--tenant", USAGE);
    const email = requireValue(values.email, "--email", USAGE);
    const role = consoleRole(values.role ?? "uploader");
    const password = values["password-stdin"] ? await readStdin() : await askHidden();
    const runtime = await openRuntime({ migrate: "embedded" });
    try {
      const tenant = await requireTenant(runtime.database.db, slug);
      const user = await createConsoleUser(runtime.database.db, tenant, { email, role, password });
      console.log(JSON.stringify(user));
      console.error(
        `${user.email} can now sign in at /console/sign-in (district '${tenant.slug}').`,
      );
    } finally {
      await runtime.database.close();
    }
    return 0;
  },
});

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, "");
}

/** Asks for the password without echoing it; refuses when there is no terminal to ask on. */
async function askHidden(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new CliError(
      `No terminal to ask the password on: pipe it in with --password-stdin.\nUsage: tsa-gateway ${USAGE.usage[0]}`,
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
