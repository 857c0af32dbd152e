import { createHash, createHmac, randomBytes } from "node:crypto";
import { and, count, eq, gt, lt } from "drizzle-orm";
import type { Database, Transaction } from "../db/client.ts";
import { tenants } from "../db/schema/index.ts";
import { withTenant } from "../db/tenant-context.ts";
import { findTenant } from "../tenants/index.ts";
import { UNKNOWN_USER_HASH, verifyPassword } from "./passwords.ts";
import {
  type ConsoleRole,
  consoleSessions,
  consoleSignInFailures,
  consoleUsers,
} from "./tables.ts";

/** A session lasts a working day, then the person signs in again. */
export const SESSION_HOURS = 8;
/** Failed sign-ins of one account within the window before it is refused for the window. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;

/** Who is signed in, as every console page sees it. */
export interface ConsoleSession {
  tenantId: string;
  tenantSlug: string;
  userId: string;
  email: string;
  role: ConsoleRole;
  tokenHash: string;
}

export type SignInResult =
  | { outcome: "signed-in"; cookie: string; session: ConsoleSession }
  | { outcome: "refused" }
  | { outcome: "throttled"; retryAfterMinutes: number };

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

/**
 * Checks a tenant, email and password. A wrong one is recorded; after {@link MAX_FAILURES}
 * within {@link FAILURE_WINDOW_MINUTES} the account is refused, even with the right password,
 * until the window has passed. The cookie value is `<tenantId>.<token>`; only the token's
 * hash is stored.
 */
export async function signIn(
  db: Database,
  input: { tenant: string; email: string; password: string },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const tenant = await findTenant(db, input.tenant.trim().toLowerCase());
  if (!tenant) {
    await verifyPassword(input.password, UNKNOWN_USER_HASH);
    return { outcome: "refused" };
  }
  const since = new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000);
  return withTenant(db, tenant.id, async (tx) => {
    const [failures] = await tx
      .select({ n: count() })
      .from(consoleSignInFailures)
      .where(
        and(eq(consoleSignInFailures.email, email), gt(consoleSignInFailures.failedAt, since)),
      );
    if ((failures?.n ?? 0) >= MAX_FAILURES) {
      return { outcome: "throttled", retryAfterMinutes: FAILURE_WINDOW_MINUTES } as const;
    }
    const [user] = await tx.select().from(consoleUsers).where(eq(consoleUsers.email, email));
    if (!(await verifyPassword(input.password, user?.passwordHash ?? UNKNOWN_USER_HASH)) || !user) {
      await tx.insert(consoleSignInFailures).values({ tenantId: tenant.id, email });
      return { outcome: "refused" } as const;
    }
    await tx.delete(consoleSignInFailures).where(eq(consoleSignInFailures.email, email));
    await tx.delete(consoleSessions).where(lt(consoleSessions.expiresAt, new Date()));
    const token = randomBytes(32).toString("base64url");
    const tokenHash = sha256(token);
    await tx.insert(consoleSessions).values({
      tenantId: tenant.id,
      tokenHash,
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000),
    });
    return {
      outcome: "signed-in",
      cookie: `${tenant.id}.${token}`,
      session: {
        tenantId: tenant.id,
        tenantSlug: tenant.slug,
        userId: user.id,
        email: user.email,
        role: user.role,
        tokenHash,
      },
    } as const;
  });
}

const COOKIE_VALUE = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

/** The live session a cookie value names, or undefined (malformed, unknown, expired). */
export async function findSession(
  db: Database,
  cookie: string | undefined,
): Promise<ConsoleSession | undefined> {
  const match = COOKIE_VALUE.exec(cookie ?? "");
  if (!match?.[1] || !match[2]) return undefined;
  const [tenantId, token] = [match[1], match[2]];
  const tokenHash = sha256(token);
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select({ email: consoleUsers.email, role: consoleUsers.role, userId: consoleUsers.id })
      .from(consoleSessions)
      .innerJoin(consoleUsers, eq(consoleUsers.id, consoleSessions.userId))
      .where(
        and(eq(consoleSessions.tokenHash, tokenHash), gt(consoleSessions.expiresAt, new Date())),
      );
    if (!row) return undefined;
    const tenant = await findTenantSlug(tx, tenantId);
    return tenant ? { ...row, tenantId, tenantSlug: tenant, tokenHash } : undefined;
  });
}

async function findTenantSlug(tx: Transaction, tenantId: string): Promise<string | undefined> {
  const [tenant] = await tx
    .select({ slug: tenants.slug })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return tenant?.slug;
}

/** Ends a session: its cookie no longer signs anyone in. */
export async function signOut(db: Database, session: ConsoleSession): Promise<void> {
  await withTenant(db, session.tenantId, (tx) =>
    tx.delete(consoleSessions).where(eq(consoleSessions.tokenHash, session.tokenHash)),
  );
}

/**
 * The session's anti-forgery token, put in every form and checked on every change: an HMAC of
 * the session's hash, so a page of another site can neither read nor guess it.
 */
export function csrfToken(secret: string, session: ConsoleSession): string {
  return createHmac("sha256", secret)
    .update(`console-csrf:${session.tokenHash}`)
    .digest("base64url");
}
