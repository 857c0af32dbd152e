import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Console roles: admin does everything, uploader imports and exports, auditor reads. */
export const CONSOLE_ROLES = ["admin", "uploader", "auditor"] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** People who sign in to /console (migration `0024_console_users`). */
export const consoleUsers = pgTable(
  "console_users",
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** Always lower case. */
    email: text().notNull(),
    role: text({ enum: CONSOLE_ROLES }).notNull(),
    /** `scrypt$N$r$p$salt$hash`, base64url parts. */
    passwordHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "console_users_pkey", columns: [t.tenantId, t.id] })],
);

/** Signed-in sessions; the cookie carries the token, the table only its SHA-256. */
export const consoleSessions = pgTable(
  "console_sessions",
  {
    tenantId: uuid().notNull(),
    tokenHash: text().notNull(),
    userId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "console_sessions_pkey", columns: [t.tenantId, t.tokenHash] })],
);

/** One row per failed sign-in, counted over a window to throttle guessing. */
export const consoleSignInFailures = pgTable(
  "console_sign_in_failures",
  {
    tenantId: uuid().notNull(),
    email: text().notNull(),
    failedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("console_sign_in_failures_idx").on(t.tenantId, t.email, t.failedAt)],
);
