import type { ConsoleRole } from "../../src/console/index.ts";
import { createConsoleUser } from "../../src/console/index.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import type { TestDatabase } from "../support/database.ts";
import { districtFiles, type PackageFiles } from "../support/packages.ts";

export const PASSWORD = "correct horse battery staple";

export const consoleUser = (
  database: TestDatabase,
  tenant: Tenant,
  email: string,
  role: ConsoleRole,
) => createConsoleUser(database.db, tenant, { email, role, password: PASSWORD });

/** A small district whose first term's start date is written the ambiguous US way. */
export function brokenDistrict(): PackageFiles {
  const files = districtFiles(8);
  const term = files.academicSessions?.records[0];
  if (!term) throw new Error("the generated district has no academic session");
  term.values.startDate = "03/04/2026";
  return files;
}

/** The session's anti-forgery token, as a page's forms carry it. */
export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("the page has no anti-forgery token");
  return token;
}
