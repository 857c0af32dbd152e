import { Hono } from "hono";
import { csrf } from "hono/csrf";
import type { AppOpenAPI } from "../kernel/app-env.ts";
import { registerAssets } from "./assets.routes.ts";
import type { ConsoleEnv } from "./console-env.ts";
import { registerExports } from "./exports.routes.tsx";
import { registerImports } from "./imports.routes.tsx";
import { registerSignIn } from "./sign-in.routes.tsx";

export { CONSOLE_ROLES, type ConsoleRole } from "./tables.ts";
export { ConsoleUserError, consoleRole, createConsoleUser } from "./users.ts";

/**
 * The web console at /console: server-rendered pages for district data managers. Every form
 * is refused from another origin (Hono's csrf) and without the session's token; every page
 * works in the signed-in user's tenant, under row-level security like the API.
 */
export function registerConsole(app: AppOpenAPI): void {
  const console = new Hono<ConsoleEnv>();
  console.use("*", csrf());
  console.use("*", async (c, next) => {
    await next();
    c.header("referrer-policy", "no-referrer");
    c.header("x-frame-options", "DENY");
    c.header(
      "content-security-policy",
      "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; form-action 'self'",
    );
  });
  registerAssets(console);
  registerSignIn(console);
  registerImports(console);
  registerExports(console);
  app.route("/console", console);
}
