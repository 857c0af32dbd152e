import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import {
  columnName,
  type Entity,
  lineItemLearningObjectiveEntity,
  lineItemScoreScaleEntity,
  resultLearningObjectiveEntity,
  resultScoreScaleEntity,
} from "../../entities/index.ts";
import { ApiError } from "../../kernel/errors.ts";
import { upsertRows } from "../../writes/index.ts";
import { refId } from "./wire-input.ts";

/**
 * A line item's or result's `scoreScale` and `learningObjectiveSet` are stored as the rows of
 * the CSV binding's link files, through those files' entity modules, so a REST write and a
 * CSV import hold them alike. The links get sourcedIds derived from their owner and content
 * (a hash, which fits the sourcedId alphabet), so writing the same record again changes nothing; the owner's links its record no longer names are marked
 * `tobedeleted`.
 */

interface LinkEntities {
  scale: Entity;
  objective: Entity;
  /** The link row's column naming its owner. */
  owner: "lineItemSourcedId" | "resultSourcedId";
  /** The wire key of one objective within a set. */
  objectives: "learningObjectiveIds" | "learningObjectiveResults";
}

const LINKS: Record<"lineItem" | "result", LinkEntities> = {
  lineItem: {
    scale: lineItemScoreScaleEntity as unknown as Entity,
    objective: lineItemLearningObjectiveEntity as unknown as Entity,
    owner: "lineItemSourcedId",
    objectives: "learningObjectiveIds",
  },
  result: {
    scale: resultScoreScaleEntity as unknown as Entity,
    objective: resultLearningObjectiveEntity as unknown as Entity,
    owner: "resultSourcedId",
    objectives: "learningObjectiveResults",
  },
};

const linkId = (...parts: string[]) => createHash("sha256").update(parts.join("\n")).digest("hex");

type Objective = { source: string; id: string; score?: unknown; textScore?: unknown };

function objectivesOf(links: LinkEntities, value: unknown, where: string): Objective[] {
  if (value === undefined || value === null) return [];
  const shapeError = () =>
    new ApiError(
      "unprocessable",
      `${where}.learningObjectiveSet must be a list of {"source": …, "${links.objectives}": […]}.`,
    );
  if (!Array.isArray(value)) throw shapeError();
  return value.flatMap((set: Record<string, unknown>) => {
    const items = set?.[links.objectives];
    if (typeof set?.source !== "string" || !Array.isArray(items)) throw shapeError();
    return items.map((item: unknown): Objective => {
      if (typeof item === "string") return { source: set.source as string, id: item };
      const result = item as {
        learningObjectiveId?: unknown;
        score?: unknown;
        textScore?: unknown;
      };
      if (typeof result?.learningObjectiveId !== "string") throw shapeError();
      return {
        source: set.source as string,
        id: result.learningObjectiveId,
        score: result.score,
        textScore: result.textScore,
      };
    });
  });
}

/** Marks the owner's links outside `kept` tobedeleted. */
async function retireOthers(
  tx: Transaction,
  entity: Entity,
  ownerColumn: string,
  owner: string,
  kept: readonly string[],
): Promise<void> {
  const column = sql.identifier(columnName(entity.column(ownerColumn)));
  await tx.execute(
    sql`update ${sql.identifier(entity.tableName)} set status = 'tobedeleted'
        where ${column} = ${owner} and status = 'active'
          and not (sourced_id = any(${sql.param(kept)}::text[]))`,
  );
}

/** Stores the nested fields of one written line item or result. */
export async function writeNestedLinks(
  tx: Transaction,
  tenantId: string,
  kind: "lineItem" | "result",
  owner: string,
  record: Record<string, unknown>,
  where: string,
): Promise<void> {
  const links = LINKS[kind];
  const scale = refId(record.scoreScale);
  const scaleRows = scale
    ? [
        {
          tenantId,
          sourcedId: linkId(owner, "scoreScale"),
          status: "active",
          [links.owner]: owner,
          scoreScaleSourcedId: scale,
        },
      ]
    : [];
  await upsertRows(tx, links.scale, scaleRows as never);
  await retireOthers(
    tx,
    links.scale,
    links.owner,
    owner,
    scaleRows.map((row) => row.sourcedId),
  );

  const objectiveRows = objectivesOf(links, record.learningObjectiveSet, where).map((o) => ({
    tenantId,
    sourcedId: linkId(owner, o.source, o.id),
    status: "active",
    [links.owner]: owner,
    source: o.source,
    learningObjectiveId: o.id,
    ...(kind === "result" && {
      score: typeof o.score === "number" ? o.score : null,
      textScore: typeof o.textScore === "string" ? o.textScore : null,
    }),
  }));
  await upsertRows(tx, links.objective, objectiveRows as never);
  await retireOthers(
    tx,
    links.objective,
    links.owner,
    owner,
    objectiveRows.map((row) => row.sourcedId),
  );
}
