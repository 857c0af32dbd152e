import { z } from "zod";
import type { Database } from "../db/client.ts";
import { withTenant } from "../db/tenant-context.ts";
import type { Tenant } from "../tenants/index.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords.ts";
import { CONSOLE_ROLES, type ConsoleRole, consoleUsers } from "./tables.ts";

export class ConsoleUserError extends Error {
  override name = "ConsoleUserError";
}

export interface NewConsoleUser {
  email: string;
  role: ConsoleRole;
  password: string;
}

const EMAIL = z.email();

/** The role named, or an error listing the roles there are. */
export function consoleRole(name: string): ConsoleRole {
  const role = CONSOLE_ROLES.find((r) => r === name);
  if (!role) {
    throw new ConsoleUserError(
      `Unknown role '${name}': use one of ${CONSOLE_ROLES.join(", ")} (admin does everything, uploader imports and exports, auditor reads the audit log and reports).`,
    );
  }
  return role;
}

/**
 * Creates a console user of the tenant; the password is kept only as a scrypt hash.
 *
 * @example
 * await createConsoleUser(db, tenant, { email: "ana@district.org", role: "uploader", password });
 */
export async function createConsoleUser(db: Database, tenant: Tenant, input: NewConsoleUser) {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.safeParse(email).success) {
    throw new ConsoleUserError(`'${input.email}' is not an email address (e.g. ana@district.org).`);
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new ConsoleUserError(
      `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a few unrelated words are easy to remember).`,
    );
  }
  const passwordHash = await hashPassword(input.password);
  return withTenant(db, tenant.id, async (tx) => {
    const [row] = await tx
      .insert(consoleUsers)
      .values({ tenantId: tenant.id, email, role: input.role, passwordHash })
      .onConflictDoNothing()
      .returning({ id: consoleUsers.id, email: consoleUsers.email, role: consoleUsers.role });
    if (!row) {
      throw new ConsoleUserError(`Tenant '${tenant.slug}' already has a console user ${email}.`);
    }
    return { ...row, tenant: tenant.slug };
  });
}
