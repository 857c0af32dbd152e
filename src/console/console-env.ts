import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../kernel/app-env.ts";
import { ApiError } from "../kernel/errors.ts";
import { publicOrigin } from "../kernel/public-origin.ts";
import { type ConsoleSession, csrfToken, findSession } from "./sessions.ts";
import type { ConsoleRole } from "./tables.ts";

/** The session cookie; HTTP-only, SameSite=Strict, Secure on HTTPS, scoped to /console. */
export const SESSION_COOKIE = "tsa_console";

export interface ConsoleEnv {
  Variables: AppEnv["Variables"] & {
    session: ConsoleSession;
    /** The session's anti-forgery token, for the page's forms. */
    csrf: string;
  };
}

/** What each role may open; admin everything, uploader imports and exports, auditor reads. */
export const ROLE_AREAS = {
  upload: ["admin", "uploader"],
  reports: ["admin", "uploader", "auditor"],
  exports: ["admin", "uploader"],
  clients: ["admin"],
  audit: ["admin", "auditor"],
} as const satisfies Record<string, readonly ConsoleRole[]>;

export type ConsoleArea = keyof typeof ROLE_AREAS;

export const mayOpen = (role: ConsoleRole, area: ConsoleArea) =>
  (ROLE_AREAS[area] as readonly ConsoleRole[]).includes(role);

/**
 * Requires a signed-in session whose role may open `area`; a page request without one goes to
 * the sign-in page. Every request that changes something must carry the session's
 * anti-forgery token (form field `_csrf`, or the query for the streamed upload).
 */
export const requireConsole = (area: ConsoleArea) =>
  createMiddleware<ConsoleEnv>(async (c, next) => {
    const { db, config } = c.var.deps;
    const session = await findSession(db, getCookie(c, SESSION_COOKIE));
    if (!session) {
      if (c.req.method === "GET") return c.redirect("/console/sign-in", 303);
      throw new ApiError("unauthorized", "Sign in to the console first (/console/sign-in).");
    }
    if (!mayOpen(session.role, area)) {
      throw new ApiError(
        "forbidden",
        `Your console role (${session.role}) does not include this page; ask an admin of your district.`,
      );
    }
    const csrf = csrfToken(config.TOKEN_SECRET, session);
    if (c.req.method !== "GET" && (await sentCsrf(c)) !== csrf) {
      throw new ApiError(
        "forbidden",
        "This form is out of date or did not come from the console; reload the page and try again.",
      );
    }
    c.set("session", session);
    c.set("csrf", csrf);
    await next();
  });

async function sentCsrf(c: Context<ConsoleEnv>): Promise<string | undefined> {
  const contentType = c.req.header("content-type") ?? "";
  if (contentType.startsWith("multipart/form-data")) return c.req.query("_csrf");
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return typeof form._csrf === "string" ? form._csrf : undefined;
}

/** Whether people reach the console over HTTPS (then its cookie is Secure). */
export const overHttps = (c: Context<ConsoleEnv>) =>
  // The console's variables only add to the app's; publicOrigin reads the app's config.
  publicOrigin(c as unknown as Context<AppEnv>).startsWith("https:");
