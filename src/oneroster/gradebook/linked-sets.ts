import { sql } from "drizzle-orm";
import {
  lineItemLearningObjectives,
  lineItemScoreScales,
  resultLearningObjectives,
  resultScoreScales,
} from "../../db/schema/index.ts";
import { guidRef, nestedField } from "../read/index.ts";

/**
 * The wire fields of line items and results that the CSV binding keeps in link files of their
 * own (`lineItemScoreScales`, `resultLearningObjectiveIds`…): loaded per page from those rows.
 * Deleted links are left out, as for every nested reference.
 */

const SCALE_LINKS = {
  lineItem: { table: lineItemScoreScales, owner: lineItemScoreScales.lineItemSourcedId },
  result: { table: resultScoreScales, owner: resultScoreScales.resultSourcedId },
} as const;

type ScaleRow = { owner: string; sourced_id: string };

/**
 * `scoreScale`: the wire holds one, the link file may hold several; the first by the link's
 * sourcedId is served, so the answer is stable.
 */
export const scoreScaleRef = (owner: keyof typeof SCALE_LINKS) => {
  const { table, owner: ownerColumn } = SCALE_LINKS[owner];
  return nestedField<ScaleRow>(
    "scoreScale",
    ({ tenantId, owners }) =>
      sql`select ${ownerColumn} as owner, ${table.scoreScaleSourcedId} as sourced_id from ${table}
          where ${table.tenantId} = ${tenantId} and ${ownerColumn} = any(${owners})
            and ${table.status} = 'active'
          order by 1, ${table.sourcedId}`,
    ([first], context) => first && guidRef(context, "scoreScale", first.sourced_id),
  );
};

/** Rows of one owner, grouped by `source` in the order they come. */
function bySource<R extends { source: string }>(rows: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.source);
    if (group) group.push(row);
    else groups.set(row.source, [row]);
  }
  return groups;
}

type ObjectiveRow = { owner: string; source: string; objective: string };

const li = lineItemLearningObjectives;

/** A line item's `learningObjectiveSet`: one entry per source with its objective ids. */
export const lineItemObjectives = nestedField<ObjectiveRow>(
  "learningObjectiveSet",
  ({ tenantId, owners }) =>
    sql`select ${li.lineItemSourcedId} as owner, ${li.source} as source,
          ${li.learningObjectiveId} as objective from ${li}
        where ${li.tenantId} = ${tenantId} and ${li.lineItemSourcedId} = any(${owners})
          and ${li.status} = 'active'
        order by 1, 2, 3`,
  (rows) =>
    [...bySource(rows)].map(([source, group]) => ({
      source,
      learningObjectiveIds: group.map((row) => row.objective),
    })),
);

type ScoreRow = ObjectiveRow & { score: number | null; text_score: string | null };

const ro = resultLearningObjectives;

/** A result's `learningObjectiveSet`: per source, the score on each objective. */
export const resultObjectives = nestedField<ScoreRow>(
  "learningObjectiveSet",
  ({ tenantId, owners }) =>
    sql`select ${ro.resultSourcedId} as owner, ${ro.source} as source,
          ${ro.learningObjectiveId} as objective, ${ro.score} as score,
          ${ro.textScore} as text_score from ${ro}
        where ${ro.tenantId} = ${tenantId} and ${ro.resultSourcedId} = any(${owners})
          and ${ro.status} = 'active'
        order by 1, 2, 3`,
  (rows) =>
    [...bySource(rows)].map(([source, group]) => ({
      source,
      learningObjectiveResults: group.map((row) => ({
        learningObjectiveId: row.objective,
        ...(row.score !== null && { score: Number(row.score) }),
        ...(row.text_score !== null && { textScore: row.text_score }),
      })),
    })),
);
