import { sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { queryRows } from "../../db/query-rows.ts";
import { ApiError } from "../../kernel/errors.ts";
import { refId } from "./wire-input.ts";

/**
 * The rules a Gradebook record must meet beyond the shape of its fields, each answered 422
 * naming the field: they need the stored records it refers to. Unknown references are found
 * afterwards for every entity alike (`findBrokenReferences`); these are about records that
 * exist but do not fit together. Values a client left out and the rule can tell (a line item's
 * school, a result's class) are filled in.
 */

type Row = Record<string, unknown>;

const invalid = (where: string, field: string, message: string) =>
  new ApiError("unprocessable", `${where}.${field}: ${message}`);

async function one<T>(tx: Transaction, query: ReturnType<typeof sql>): Promise<T | undefined> {
  return (await queryRows<T & Record<string, unknown>>(tx, query))[0];
}

/** Whether the session is one of the class's terms, or a grading period within one. */
export async function isSessionOfClass(tx: Transaction, classId: string, sessionId: string) {
  const found = await one(
    tx,
    sql`select 1 from class_terms ct
        left join academic_sessions gp on gp.tenant_id = ct.tenant_id
          and gp.parent_sourced_id = ct.term_sourced_id and gp.type = 'gradingPeriod'
        where ct.class_sourced_id = ${classId}
          and (ct.term_sourced_id = ${sessionId} or gp.sourced_id = ${sessionId})
        limit 1`,
  );
  return found !== undefined;
}

async function scaleClass(tx: Transaction, scaleId: string, where: string) {
  const scale = await one<{ class_sourced_id: string }>(
    tx,
    sql`select class_sourced_id from score_scales where sourced_id = ${scaleId}`,
  );
  if (!scale) throw invalid(where, "scoreScale", `there is no score scale '${scaleId}'.`);
  return scale.class_sourced_id;
}

export async function checkLineItem(tx: Transaction, row: Row, record: Row, where: string) {
  const classId = String(row.classSourcedId);
  const klass = await one<{ school_sourced_id: string }>(
    tx,
    sql`select school_sourced_id from classes where sourced_id = ${classId}`,
  );
  if (!klass) throw invalid(where, "class", `there is no class '${classId}'.`);
  if (row.schoolSourcedId === null || row.schoolSourcedId === undefined) {
    row.schoolSourcedId = klass.school_sourced_id;
  } else if (row.schoolSourcedId !== klass.school_sourced_id) {
    throw invalid(
      where,
      "school",
      `the class '${classId}' is taught at '${klass.school_sourced_id}', not '${String(row.schoolSourcedId)}'.`,
    );
  }
  const session = row.academicSessionSourcedId;
  if (typeof session === "string" && !(await isSessionOfClass(tx, classId, session))) {
    throw invalid(
      where,
      "academicSession",
      `'${session}' is not a term or grading period of the class '${classId}'.`,
    );
  }
  const scale = refId(record.scoreScale);
  if (scale !== undefined && (await scaleClass(tx, scale, where)) !== classId) {
    throw invalid(
      where,
      "scoreScale",
      `the score scale '${scale}' belongs to another class than '${classId}'.`,
    );
  }
}

export async function checkResult(tx: Transaction, row: Row, record: Row, where: string) {
  const lineItemId = String(row.lineItemSourcedId);
  const item = await one<{ class_sourced_id: string; scale: string | null }>(
    tx,
    sql`select li.class_sourced_id,
          (select s.score_scale_sourced_id from line_item_score_scales s
            where s.line_item_sourced_id = li.sourced_id and s.status = 'active'
            order by s.sourced_id limit 1) as scale
        from line_items li where li.sourced_id = ${lineItemId}`,
  );
  if (!item) throw invalid(where, "lineItem", `there is no line item '${lineItemId}'.`);
  if (row.classSourcedId === null || row.classSourcedId === undefined) {
    row.classSourcedId = item.class_sourced_id;
  } else if (row.classSourcedId !== item.class_sourced_id) {
    throw invalid(
      where,
      "class",
      `the line item '${lineItemId}' belongs to the class '${item.class_sourced_id}', not '${String(row.classSourcedId)}'.`,
    );
  }
  const student = String(row.studentSourcedId);
  const enrolled = await one(
    tx,
    sql`select 1 from enrollments where user_sourced_id = ${student}
          and class_sourced_id = ${item.class_sourced_id} and role = 'student' and status = 'active'`,
  );
  if (!enrolled) {
    throw invalid(
      where,
      "student",
      `'${student}' is not enrolled as a student in the class '${item.class_sourced_id}' of the line item.`,
    );
  }
  const scale = refId(record.scoreScale);
  if (scale !== undefined) {
    const expected = item.scale ?? undefined;
    if (
      expected !== undefined
        ? scale !== expected
        : (await scaleClass(tx, scale, where)) !== item.class_sourced_id
    ) {
      throw invalid(
        where,
        "scoreScale",
        `the score scale '${scale}' does not match the line item's ('${expected ?? "none, and not one of its class"}').`,
      );
    }
  }
}

/** The rule of each entity that has one. */
export const RULES: Record<string, typeof checkLineItem> = {
  lineItem: checkLineItem,
  result: checkResult,
};
