import { sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { queryRows } from "../../db/query-rows.ts";
import { SOURCED_ID_PATTERN } from "../../db/schema/columns.ts";
import {
  type Entity,
  lineItemLearningObjectiveEntity,
  lineItemScoreScaleEntity,
  resultLearningObjectiveEntity,
  resultScoreScaleEntity,
} from "../../entities/index.ts";
import { ApiError } from "../../kernel/errors.ts";
import {
  findBrokenReferences,
  notOwned,
  recordChange,
  storedValues,
  upsertRows,
  type WriterScope,
} from "../../writes/index.ts";
import { RULES } from "./gradebook-rules.ts";
import { writeNestedLinks } from "./nested-links.ts";
import { checkedRecord } from "./wire-input.ts";

/** Who writes, and how the change history names the request. */
export interface Writer {
  tenantId: string;
  clientId: string;
  scope: WriterScope;
  endpoint: string;
  purpose: string;
  ip: string | undefined;
}

type Row = Record<string, unknown>;

/** Required fields an entity's rule fills in when the client leaves them out. */
const SOURCED_ID = new RegExp(SOURCED_ID_PATTERN);

const LEFT_TO_RULES: Record<string, readonly string[]> = { lineItem: ["school"] };

const unknownObject = (entity: Entity, sourcedId: string) =>
  new ApiError("not_found", `Unknown Object: there is no ${entity.name} '${sourcedId}'.`);

/** Whether the writer answers for the stored record (always, for an unrestricted writer). */
async function owns(tx: Transaction, entity: Entity, scope: WriterScope, sourcedId: string) {
  const foreign = notOwned(entity, scope, "t");
  if (foreign === undefined) return true;
  const rows = await queryRows(
    tx,
    sql`select 1 from ${sql.identifier(entity.tableName)} t where t.sourced_id = ${sourcedId} and ${foreign}`,
  );
  return rows.length === 0;
}

/** The stored record as its writer may see it: 404 when it is not there for this writer. */
export async function visibleRecord(
  tx: Transaction,
  entity: Entity,
  writer: Writer,
  sourcedId: string,
) {
  const old = await storedValues(tx, entity, sourcedId);
  if (old === null || !(await owns(tx, entity, writer.scope, sourcedId))) {
    throw unknownObject(entity, sourcedId);
  }
  return old;
}

const LINK_ENTITIES: Record<string, { entity: Entity; owner: string }[]> = {
  lineItem: [lineItemScoreScaleEntity, lineItemLearningObjectiveEntity].map((entity) => ({
    entity: entity as unknown as Entity,
    owner: "line_item_sourced_id",
  })),
  result: [resultScoreScaleEntity, resultLearningObjectiveEntity].map((entity) => ({
    entity: entity as unknown as Entity,
    owner: "result_sourced_id",
  })),
};

/** 422 for the first reference of the written record (or its links) that points at nothing. */
async function requireReferences(
  tx: Transaction,
  entity: Entity,
  sourcedId: string,
  where: string,
) {
  const sets = [
    { entity, written: sql`(select ${sourcedId}::text as sourced_id, 1 as line)` },
    ...(LINK_ENTITIES[entity.name] ?? []).map((link) => ({
      entity: link.entity,
      written: sql`(select sourced_id, 1 as line from ${sql.identifier(link.entity.tableName)}
        where ${sql.identifier(link.owner)} = ${sourcedId} and status = 'active')`,
    })),
  ];
  const { problems } = await findBrokenReferences(tx, sets, 1);
  const [problem] = problems;
  if (problem) {
    throw new ApiError(
      "unprocessable",
      `${where}.${problem.names.wire}: there is no ${problem.target.replace(/_/g, " ").replace(/s$/, "")} '${problem.value}'.`,
    );
  }
}

/**
 * Creates or replaces one record through the write path, in the caller's transaction: the
 * body checked against the entity, path values filled in (`fill`, by column), the entity's
 * rules, the upsert, its nested link rows, its references, the writer's org subtree before and
 * after, and the change history with old and new values.
 *
 * @returns whether the record was created or replaced
 */
export async function writeOne(
  tx: Transaction,
  writer: Writer,
  entity: Entity,
  sourcedId: string,
  body: unknown,
  where: string,
  fill: Readonly<Row> = {},
): Promise<"create" | "replace"> {
  const filled = new Set([
    ...(LEFT_TO_RULES[entity.name] ?? []),
    ...entity.fields.flatMap((field) => (field.column && field.column in fill ? [field.name] : [])),
  ]);
  if (!SOURCED_ID.test(sourcedId)) {
    throw new ApiError(
      "unprocessable",
      `${where}.sourcedId '${sourcedId.slice(0, 80)}' must be 1 to 255 of the characters 0-9 A-Z a-z . / @ _ -.`,
    );
  }
  const record = checkedRecord(entity, body, where, filled);
  const row: Row = {
    ...entity.fromWire(record),
    tenantId: writer.tenantId,
    sourcedId,
    status: "active",
    sourceDateLastModified: null,
  };
  for (const [column, value] of Object.entries(fill)) {
    if (row[column] === null || row[column] === undefined) row[column] = value;
    else if (row[column] !== value) {
      const name = entity.fields.find((field) => field.column === column)?.name ?? column;
      throw new ApiError(
        "unprocessable",
        `${where}.${name}: the path names '${String(value)}', the body '${String(row[column])}'.`,
      );
    }
  }
  const old = await storedValues(tx, entity, sourcedId);
  if (old !== null && !(await owns(tx, entity, writer.scope, sourcedId))) {
    throw unknownObject(entity, sourcedId);
  }
  await RULES[entity.name]?.(tx, row, record, where);
  await upsertRows(tx, entity, [row as never]);
  if (entity.name === "lineItem" || entity.name === "result") {
    await writeNestedLinks(tx, writer.tenantId, entity.name, sourcedId, record, where);
  }
  await requireReferences(tx, entity, sourcedId, where);
  if (!(await owns(tx, entity, writer.scope, sourcedId))) {
    throw new ApiError(
      "forbidden",
      `${where}: the ${entity.name} would lie outside the org this client is restricted to.`,
    );
  }
  const action = old === null ? "create" : "replace";
  const now = await storedValues(tx, entity, sourcedId);
  await recordChange(tx, { ...writer, action, entity, sourcedId, old, new: now });
  return action;
}

/** Marks one record `tobedeleted`, with its change history. */
export async function deleteOne(
  tx: Transaction,
  writer: Writer,
  entity: Entity,
  sourcedId: string,
): Promise<void> {
  const old = await visibleRecord(tx, entity, writer, sourcedId);
  await tx.execute(
    sql`update ${sql.identifier(entity.tableName)} set status = 'tobedeleted' where sourced_id = ${sourcedId}`,
  );
  const now = await storedValues(tx, entity, sourcedId);
  await recordChange(tx, { ...writer, action: "delete", entity, sourcedId, old, new: now });
}
