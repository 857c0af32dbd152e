import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  jsonb,
  type PgColumn,
  pgSequence,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

/** Numbers every change of every tenant row: the cursor of Ed-Fi change queries and exports. */
export const changeSeq = pgSequence("change_seq");

/** Characters the OneRoster binding allows in a sourcedId; imports and PUTs accept nothing else. */
export const SOURCED_ID_PATTERN = "^[0-9A-Za-z./@_-]{1,255}$";

/**
 * {@link SOURCED_ID_PATTERN} as the database checks it, same meaning: PostgreSQL's regex engine
 * is slow on bounded repetition, so the length is a separate comparison.
 */
const sourcedIdCheck = (column: PgColumn) =>
  sql`${column} ~ '^[0-9A-Za-z./@_-]+$' and length(${column}) <= 255`;

/**
 * Columns every tenant entity carries: internal UUID, external sourcedId, lifecycle,
 * the gateway's own modification time (a monotonic sync cursor, set by trigger), the
 * source's timestamp beside it, extension metadata and the change-sequence number.
 * The tenant has no foreign key: the tenant_isolation policy already holds every row to the
 * transaction's tenant (see docs/schema.md, "What a row costs").
 */
export const entityColumns = () => ({
  tenantId: uuid().notNull(),
  id: uuid().notNull().defaultRandom(),
  sourcedId: text().notNull(),
  status: text({ enum: ["active", "tobedeleted"] })
    .notNull()
    .default("active"),
  dateLastModified: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  sourceDateLastModified: timestamp({ withTimezone: true, precision: 3 }),
  metadata: jsonb().$type<Record<string, unknown>>(),
  changeSeq: bigint({ mode: "number" }).notNull().default(sql`nextval('change_seq')`),
});

interface EntityKeys {
  tenantId: PgColumn;
  id: PgColumn;
  sourcedId: PgColumn;
  status: PgColumn;
  dateLastModified: PgColumn;
}

/** Keys, lifecycle checks and the indexes every OneRoster collection is read by. */
export const entityConstraints = (table: string, t: EntityKeys) => [
  primaryKey({ name: `${table}_pkey`, columns: [t.tenantId, t.id] }),
  unique(`${table}_sourced_id_key`).on(t.tenantId, t.sourcedId),
  index(`${table}_modified_idx`).on(t.tenantId, t.dateLastModified),
  index(`${table}_status_idx`).on(t.tenantId, t.status, t.sourcedId),
  check(`${table}_status_check`, sql`${t.status} in ('active', 'tobedeleted')`),
  check(`${table}_sourced_id_check`, sourcedIdCheck(t.sourcedId)),
];

/**
 * A reference by sourcedId within the same tenant. Keys are natural (tenant, sourcedId) so a
 * row can never point into another tenant, imports resolve references set-based, and a
 * GUIDRef renders without a join. The index on the reference is left off (`indexed: false`)
 * where no read looks rows up by it.
 */
export const refersTo = (
  name: string,
  tenantId: PgColumn,
  column: PgColumn,
  target: { tenantId: PgColumn; sourcedId: PgColumn },
  { indexed = true } = {},
) => [
  foreignKey({
    name: `${name}_fkey`,
    columns: [tenantId, column],
    foreignColumns: [target.tenantId, target.sourcedId],
  }).onUpdate("cascade"),
  ...(indexed ? [index(`${name}_idx`).on(tenantId, column)] : []),
];

/**
 * A check that a column holds one of the vocabulary's tokens or an `ext:` extension token
 * (the 1.2 extensible enumerations); NULL passes so optional columns can use it.
 */
export const extensibleEnum = (name: string, column: PgColumn, values: readonly string[]) =>
  check(
    name,
    sql`${column} is null or ${column} in (${sql.raw(values.map((v) => `'${v}'`).join(","))}) or ${column} ~ '^ext:[a-zA-Z0-9.\\-_]+$'`,
  );
