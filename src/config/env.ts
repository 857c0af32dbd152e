import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

const port = z.coerce
  .number({ error: "must be a whole number such as 8787" })
  .int("must be a whole number such as 8787")
  .min(0, "must be between 0 (any free port) and 65535")
  .max(65535, "must be between 0 (any free port) and 65535");

const positiveInt = (example: number) =>
  z.coerce
    .number({ error: `must be a whole number such as ${example}` })
    .int(`must be a whole number such as ${example}`)
    .positive(`must be a positive whole number such as ${example}`);

const PUBLIC_URL_FIX =
  "must be the origin clients reach the gateway at, such as https://roster.example.org (http or https, no path)";

const EnvSchema = z.object({
  PORT: port.default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .url({ error: "must be a postgres:// URL, e.g. postgres://user:pass@127.0.0.1:5432/db" })
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  TOKEN_SECRET: z
    .string()
    .min(32, "must be at least 32 characters; generate one with `openssl rand -hex 32`")
    .optional(),
  TOKEN_TTL_SECONDS: positiveInt(3600).default(3600),
  PAGE_SIZE_DEFAULT: positiveInt(100).default(100),
  PAGE_SIZE_MAX: positiveInt(1000).default(1000),
  UPLOAD_MAX_BYTES: positiveInt(1073741824).default(1024 * 1024 * 1024),
  ZIP_MAX_ENTRIES: positiveInt(64).default(64),
  ZIP_MAX_INFLATED_BYTES: positiveInt(8589934592).default(8 * 1024 * 1024 * 1024),
  ZIP_MAX_RATIO: positiveInt(200).default(200),
  IMPORT_MAX_REMOVAL_SHARE: z.coerce
    .number({ error: "must be a fraction between 0 and 1, e.g. 0.2" })
    .min(0, "must be a fraction between 0 and 1, e.g. 0.2")
    .max(1, "must be a fraction between 0 and 1, e.g. 0.2")
    .default(0.2),
  RATE_LIMIT_PER_MINUTE: positiveInt(600).default(600),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: PUBLIC_URL_FIX })
    .refine((v) => new URL(v).href === `${new URL(v).origin}/`, PUBLIC_URL_FIX)
    .transform((v) => new URL(v).origin)
    .optional(),
  TRUST_PROXY: z
    .stringbool({
      error: "must be true (a proxy you run sets X-Forwarded-*/Forwarded) or false",
    })
    .default(false),
  DB_POOL_MAX: positiveInt(10).default(10),
  DB_ACQUIRE_TIMEOUT_MS: positiveInt(5000).default(5000),
  DB_STATEMENT_TIMEOUT_MS: positiveInt(30000).default(30000),
});

export type Config = z.infer<typeof EnvSchema> & { TOKEN_SECRET: string };
type RawEnv = Record<string, string | undefined>;

/** A configuration value that cannot be used: the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads and validates the whole configuration. Empty strings count as unset so that
 * `PORT= npx tsa-gateway serve` falls back to the default instead of failing.
 *
 * @example
 * const config = loadConfig(process.env); // throws ConfigError naming the bad variable
 */
export function loadConfig(env: RawEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [key, env[key] === "" ? undefined : env[key]]),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const variables = new Set<string>();
    const lines = parsed.error.issues.flatMap((issue) => {
      const name = String(issue.path[0]);
      if (variables.has(name)) return []; // its first problem is enough to fix it
      variables.add(name);
      return [`  ${name}=${shownValue(name, cleaned[name])}: ${issue.message}`];
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const config = parsed.data;
  return { ...config, TOKEN_SECRET: config.TOKEN_SECRET ?? persistedTokenSecret(config.DATA_DIR) };
}

/**
 * Whether a person asked for the details of an unexpected error (`DEBUG` set, and not to 0).
 *
 * @example
 * wantsDebugOutput({ DEBUG: "1" }); // true
 */
export function wantsDebugOutput(env: RawEnv = process.env): boolean {
  return Boolean(env.DEBUG) && env.DEBUG !== "0";
}

/** A rejected value as an error may show it: secrets by their length only, URLs without password. */
function shownValue(name: string, value: string | undefined): string {
  if (value === undefined) return "(unset)";
  if (name.endsWith("SECRET")) return `(hidden, ${value.length} characters)`;
  return JSON.stringify(value.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@"));
}

/** A secret generated on first start and kept in DATA_DIR so tokens survive restarts. */
function persistedTokenSecret(dataDir: string): string {
  const file = join(resolve(dataDir), "token-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(resolve(dataDir), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
