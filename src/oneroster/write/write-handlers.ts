import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import { requesterAddress } from "../../audit/index.ts";
import type { Transaction } from "../../db/client.ts";
import { withTenant } from "../../db/tenant-context.ts";
import { allowedOrgs, ENTITIES, type Entity } from "../../entities/index.ts";
import type { AppEnv } from "../../kernel/app-env.ts";
import { ApiError } from "../../kernel/errors.ts";
import { orgSubtree, WHOLE_TENANT } from "../../writes/index.ts";
import type { ReadModels } from "../read/read-plan.ts";
import { recordExists } from "../read/read-rows.ts";
import type { OneRosterOperation } from "../routes/index.ts";
import { isSessionOfClass } from "./gradebook-rules.ts";
import { parseJson } from "./wire-input.ts";
import { deleteOne, type Writer, writeOne } from "./write-one.ts";

export type WriteHandler = (c: Context<AppEnv>) => Promise<Response>;

function entityOf(operation: OneRosterOperation): Entity {
  const entity = ENTITIES.find((candidate) => candidate.name === operation.entity);
  if (!entity) throw new Error(`${operation.operationId}: no entity ${operation.entity}`);
  return entity;
}

/**
 * Runs a write in one transaction as the calling client: its tenant (row-level security), its
 * org subtree when restricted. References are checked before commit, so they are deferred.
 */
async function asWriter<T>(
  c: Context<AppEnv>,
  operation: OneRosterOperation,
  work: (tx: Transaction, writer: Writer) => Promise<T>,
): Promise<T> {
  const { db } = c.var.deps;
  const auth = c.var.auth;
  return withTenant(db, auth.tenantId, async (tx) => {
    await tx.execute(sql`set constraints all deferred`);
    const scope = auth.orgSourcedId
      ? orgSubtree(await allowedOrgs(tx, auth.tenantId, auth.orgSourcedId))
      : WHOLE_TENANT;
    const writer: Writer = {
      tenantId: auth.tenantId,
      clientId: auth.clientId,
      scope,
      endpoint: `${c.req.method} ${new URL(c.req.url).pathname}`,
      purpose: `oneroster:${operation.operationId}`,
      ip: requesterAddress(c),
    };
    return work(tx, writer);
  });
}

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  return parseJson(await c.req.text());
}

/** The object of the envelope key, e.g. `{"lineItem": {…}}` → `{…}`. */
function enveloped(body: unknown, key: string): unknown {
  if (typeof body !== "object" || body === null || !(key in body)) {
    throw new ApiError("unprocessable", `The body must be {"${key}": …}.`);
  }
  return (body as Record<string, unknown>)[key];
}

/** PUT: creates or replaces the record under the sourcedId of the path; 201, no body. */
export function putHandler(operation: OneRosterOperation): WriteHandler {
  const entity = entityOf(operation);
  return async (c) => {
    const sourcedId = c.req.param("sourcedId") ?? "";
    const record = enveloped(await jsonBody(c), operation.envelopeKey);
    const given = (record as { sourcedId?: unknown } | null)?.sourcedId;
    if (given !== undefined && given !== sourcedId) {
      throw new ApiError(
        "unprocessable",
        `${operation.envelopeKey}.sourcedId is '${String(given)}' but the path names '${sourcedId}'; leave it out or make them equal.`,
      );
    }
    await asWriter(c, operation, (tx, writer) =>
      writeOne(tx, writer, entity, sourcedId, record, operation.envelopeKey),
    );
    return c.body(null, 201);
  };
}

/** DELETE: marks the record tobedeleted; 204, or 404 when the caller has no such record. */
export function deleteHandler(operation: OneRosterOperation): WriteHandler {
  const entity = entityOf(operation);
  return async (c) => {
    const sourcedId = c.req.param("sourcedId") ?? "";
    await asWriter(c, operation, (tx, writer) => deleteOne(tx, writer, entity, sourcedId));
    return c.body(null, 204);
  };
}

/** Path parameters a POSTed record takes as its own values, by the column they fill. */
const FILLS: Record<string, string> = {
  classSourcedId: "classSourcedId",
  schoolSourcedId: "schoolSourcedId",
  lineItemSourcedId: "lineItemSourcedId",
};

/**
 * POST: stores a set whose sourcedIds the client made up, under sourcedIds the server
 * allocates; 201 with the pairs. One transaction: one bad record writes nothing.
 */
export function postHandler(operation: OneRosterOperation, models: ReadModels): WriteHandler {
  const entity = entityOf(operation);
  return async (c) => {
    const path = c.req.param() as Record<string, string>;
    const records = enveloped(await jsonBody(c), operation.envelopeKey);
    if (!Array.isArray(records) || records.length === 0) {
      throw new ApiError("unprocessable", `${operation.envelopeKey} must be a non-empty list.`);
    }
    const fill = Object.fromEntries(
      operation.parents.flatMap((parent) => {
        const column = FILLS[parent.param];
        return column ? [[column, path[parent.param]]] : [];
      }),
    );
    const pairs = await asWriter(c, operation, async (tx, writer) => {
      for (const parent of operation.parents) {
        const model = models[parent.entity];
        const id = path[parent.param] ?? "";
        const scope = { tenantId: writer.tenantId, orgs: writer.scope.orgs };
        if (!model || !(await recordExists(tx, model, { scope, subset: parent.subset }, id))) {
          throw new ApiError(
            "not_found",
            `Unknown Object: there is no ${parent.subset ?? parent.entity} '${id}'.`,
          );
        }
      }
      const session = path.academicSessionSourcedId;
      const classId = path.classSourcedId;
      if (session && classId && !(await isSessionOfClass(tx, classId, session))) {
        throw new ApiError(
          "unprocessable",
          `academicSession: '${session}' is not a term or grading period of the class '${classId}'.`,
        );
      }
      const supplied = new Set<string>();
      const allocated: { suppliedSourcedId: string; allocatedSourcedId: string }[] = [];
      for (const [index, record] of records.entries()) {
        const where = `${operation.envelopeKey}[${index}]`;
        const id = (record as { sourcedId?: unknown } | null)?.sourcedId;
        if (typeof id !== "string" || id === "") {
          throw new ApiError(
            "unprocessable",
            `${where}.sourcedId is required: the temporary id the answer pairs with the allocated one.`,
          );
        }
        if (supplied.has(id))
          throw new ApiError("unprocessable", `${where}.sourcedId '${id}' is given twice.`);
        supplied.add(id);
        const allocatedSourcedId = randomUUID();
        await writeOne(
          tx,
          writer,
          entity,
          allocatedSourcedId,
          { ...record, sourcedId: allocatedSourcedId },
          where,
          fill,
        );
        allocated.push({ suppliedSourcedId: id, allocatedSourcedId });
      }
      return allocated;
    });
    return c.json({ sourcedIdPairs: pairs }, 201);
  };
}
