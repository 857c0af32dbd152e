import { type Config, ConfigError, loadConfig } from "./env.ts";

/**
 * The configuration of the gateway on Cloudflare Workers: the same variables as on Node, but
 * TOKEN_SECRET is required. A Worker has no disk to keep a generated secret on, and every
 * isolate generating its own would make tokens fail at random.
 *
 * @example
 * const config = loadWorkerConfig(env); // throws ConfigError when the secret is missing
 */
export function loadWorkerConfig(env: Record<string, unknown>): Config {
  const strings = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  if (!strings.TOKEN_SECRET) {
    throw new ConfigError(
      "TOKEN_SECRET is not set. On Cloudflare Workers it is required: set it with `wrangler secret put TOKEN_SECRET` (locally, put it in .dev.vars).",
    );
  }
  return loadConfig(strings);
}
