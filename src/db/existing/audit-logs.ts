import { index, inet, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Who saw or changed what, when and why. Partitioned by month, so it is created by the SQL
 * migration `audit-logs` (Drizzle cannot declare partitioned tables); declared here for
 * typed queries only and left out of drizzle-kit's schema.
 */
export const auditLogs = pgTable(
  "audit_logs",
  {
    id: uuid().notNull().defaultRandom(),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    tenantId: uuid(),
    actorType: text({ enum: ["client", "user", "system", "operator"] }).notNull(),
    actorId: text(),
    action: text().notNull(),
    entity: text(),
    entityIds: text().array(),
    endpoint: text(),
    query: text(),
    recordCount: integer(),
    purpose: text(),
    ip: inet(),
    sessionId: text(),
    changes: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_logs_tenant_time_idx").on(t.tenantId, t.occurredAt)],
);

/**
 * Which records an export disclosed, file by file, in chunks of sourcedIds (migration
 * `audit_append_only`); append-only like the audit record it belongs to.
 */
export const auditDisclosedRecords = pgTable("audit_disclosed_records", {
  tenantId: uuid().notNull(),
  auditLogId: uuid().notNull(),
  occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  file: text().notNull(),
  chunk: integer().notNull(),
  sourcedIds: text().array().notNull(),
});
