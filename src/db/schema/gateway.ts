import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { refersTo } from "./columns.ts";
import { orgs } from "./organizations.ts";
import { tenants } from "./tenants.ts";

/** OAuth 2 clients of a tenant. The secret is kept only as a hash. */
export const apiClients = pgTable(
  "api_clients",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom(),
    clientId: text().notNull().unique(),
    name: text().notNull(),
    secretHash: text().notNull(),
    /** Moves on every rotation; tokens carry the version they were issued under. */
    secretVersion: integer().notNull().default(1),
    scopes: text().array().notNull(),
    /** When set, the client sees only this org and its descendants. */
    orgSourcedId: text(),
    rateLimitPerMinute: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "api_clients_pkey", columns: [t.tenantId, t.id] }),
    ...refersTo("api_clients_org", t.tenantId, t.orgSourcedId, orgs),
  ],
);

export const IMPORT_STATUSES = ["queued", "running", "succeeded", "failed", "rejected"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One upload of a OneRoster CSV package, its progress and its validation report. */
export const importJobs = pgTable(
  "import_jobs",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom(),
    status: text({ enum: IMPORT_STATUSES }).notNull().default("queued"),
    dryRun: boolean().notNull().default(false),
    force: boolean().notNull().default(false),
    fileName: text(),
    bytesTotal: bigint({ mode: "number" }),
    bytesDone: bigint({ mode: "number" }).notNull().default(0),
    rowsDone: bigint({ mode: "number" }).notNull().default(0),
    counts: jsonb().$type<Record<string, unknown>>(),
    report: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "import_jobs_pkey", columns: [t.tenantId, t.id] }),
    index("import_jobs_created_idx").on(t.tenantId, t.createdAt),
    check(
      "import_jobs_status_check",
      sql`${t.status} in ('queued','running','succeeded','failed','rejected')`,
    ),
  ],
);
