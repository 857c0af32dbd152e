import type { Context } from "hono";
import { type PageDisclosure, requesterAddress } from "../../audit/index.ts";
import type { Config } from "../../config/env.ts";
import type { Transaction } from "../../db/client.ts";
import { withTenant } from "../../db/tenant-context.ts";
import { allowedOrgs } from "../../entities/index.ts";
import type { AppEnv, AppRouteHandler } from "../../kernel/app-env.ts";
import type { AuthContext } from "../../kernel/auth-context.ts";
import { ApiError } from "../../kernel/errors.ts";
import { publicRequestUrl } from "../../kernel/public-origin.ts";
import {
  type CollectionQuery,
  type CollectionQueryParams,
  parseCollectionQuery,
  QueryError,
} from "../query/index.ts";
import type { OneRosterRoute } from "../routes/index.ts";
import { linkHeader } from "./link-header.ts";
import type { ReadModel } from "./read-model.ts";
import type { ReadPlan } from "./read-plan.ts";
import { type ReadScope, readOne, readPage, recordExists } from "./read-rows.ts";

/** A collection read, typed by its route so that `c.req.valid(…)` is (a path-less one has no params). */
export type CollectionHandler = AppRouteHandler<OneRosterRoute<"nested-collection">>;
export type ItemHandler = AppRouteHandler<OneRosterRoute<"item">>;

const QUERY_ERROR_CODES = {
  invalid_filter_field: "invalid_filter_field",
  invalid_selection_field: "invalid_selection_field",
  invaliddata: "bad_request",
} as const;

/** Validates the query parameters; a bad one is the client's 400 with the 1.2 code minor. */
function parseQuery(params: CollectionQueryParams, model: ReadModel, config: Config) {
  if (params.filter?.includes("\u0000")) {
    // PostgreSQL text cannot hold NUL, so no record could match: refused before it fails there.
    throw new ApiError(
      "invalid_filter_field",
      "The filter contains a NUL character, which no field can hold.",
    );
  }
  try {
    return parseCollectionQuery(params, {
      fields: model.fields,
      selectable: model.selectable,
      defaultLimit: config.PAGE_SIZE_DEFAULT,
      maxLimit: config.PAGE_SIZE_MAX,
      tiebreak: model.key,
      metadataColumn: model.metadata,
    });
  } catch (error) {
    if (error instanceof QueryError)
      throw new ApiError(QUERY_ERROR_CODES[error.codeMinor], error.message);
    throw error;
  }
}

/** `fields` repeated (`fields=a&fields=b`) arrives as a list, once as one string. */
const fieldList = (fields: string | string[] | undefined) =>
  typeof fields === "string" ? [fields] : fields;

async function readScope(tx: Transaction, auth: AuthContext): Promise<ReadScope> {
  const orgs = auth.orgSourcedId
    ? await allowedOrgs(tx, auth.tenantId, auth.orgSourcedId)
    : undefined;
  return { tenantId: auth.tenantId, orgs };
}

const unknownObject = (label: string, sourcedId: string) =>
  new ApiError("not_found", `Unknown Object: there is no ${label} '${sourcedId}'.`);

/** 404 unless every parent in the path exists for this caller, inner ones within outer ones. */
async function requireParents(
  tx: Transaction,
  plan: ReadPlan,
  scope: ReadScope,
  path: Record<string, string>,
): Promise<void> {
  for (const parent of plan.parents) {
    const sourcedId = path[parent.param] ?? "";
    const within = parent.within?.relation(path[parent.within.param] ?? "", path);
    const found = await recordExists(
      tx,
      parent.model,
      { scope, subset: parent.subset, within },
      sourcedId,
    );
    if (!found) throw unknownObject(parent.label, sourcedId);
  }
}

/**
 * The disclosure record a read of student data writes in its own statement (so nothing is sent
 * if it cannot be written); undefined when the operation discloses none.
 */
function disclosureOf(c: Context<AppEnv>, plan: ReadPlan, url: URL): PageDisclosure | undefined {
  if (!plan.discloses) return undefined;
  const { tenantId, clientId } = c.var.auth;
  return {
    tenantId,
    clientId,
    entity: plan.operation.entity,
    endpoint: `${c.req.method} ${url.pathname}`,
    // Decoded, so an auditor reads filter=status='active' rather than percent-escapes.
    query: [...url.searchParams].map(([name, value]) => `${name}=${value}`).join("&"),
    purpose: `oneroster:${plan.operation.operationId}`,
    ip: requesterAddress(c),
  };
}

/**
 * Whether a collection read shows deleted records. A client that lists without asking about
 * lifecycle wants what exists now (a grade sync lists a line item's results after deleting one
 * and expects it gone); one that filters on `status` or `dateLastModified` is following changes,
 * and a deletion is a change it must see as `tobedeleted`.
 */
const seesDeleted = (query: CollectionQuery) =>
  query.filtered.some((field) => field === "status" || field === "dateLastModified");

// Rosters are personal data: no shared cache may keep them.
const NO_STORE = { "cache-control": "no-store" };

/** GET of a collection, top-level or nested: a page, its total and its links. */
export function collectionHandler(plan: ReadPlan): CollectionHandler {
  return async (c) => {
    const { db, config } = c.var.deps;
    const auth = c.var.auth;
    const params = c.req.valid("query");
    const query: CollectionQuery = parseQuery(
      { ...params, fields: fieldList(params.fields) },
      plan.model,
      config,
    );
    const path: Record<string, string> =
      plan.operation.kind === "nested-collection" ? c.req.valid("param") : {};
    const url = publicRequestUrl(c);
    const context = { origin: url.origin };
    const page = await withTenant(db, auth.tenantId, async (tx) => {
      const scope = await readScope(tx, auth);
      await requireParents(tx, plan, scope, path);
      const within = plan.within?.relation(path[plan.within.param] ?? "", path);
      return readPage(
        tx,
        plan.model,
        { scope, subset: plan.subset, within, activeOnly: !seesDeleted(query) },
        query,
        context,
        disclosureOf(c, plan, url),
      );
    });
    return c.json({ [plan.operation.envelopeKey]: page.records }, 200, {
      ...NO_STORE,
      "x-total-count": String(page.total),
      link: linkHeader(url, query.limit, query.offset, page.total),
    });
  };
}

/** GET of one object by `{sourcedId}`; 404 `unknownobject` when the caller cannot see it. */
export function itemHandler(plan: ReadPlan): ItemHandler {
  return async (c) => {
    const { db, config } = c.var.deps;
    const auth = c.var.auth;
    const requested = fieldList(c.req.valid("query").fields);
    const { fields } = parseQuery({ fields: requested }, plan.model, config);
    const { sourcedId = "" } = c.req.valid("param");
    const url = publicRequestUrl(c);
    const context = { origin: url.origin };
    const record = await withTenant(db, auth.tenantId, async (tx) => {
      const scope = await readScope(tx, auth);
      const found = await readOne(
        tx,
        plan.model,
        { scope, subset: plan.subset },
        sourcedId,
        fields,
        context,
        disclosureOf(c, plan, url),
      );
      if (found === undefined) throw unknownObject(plan.subset ?? plan.operation.entity, sourcedId);
      return found;
    });
    return c.json({ [plan.operation.envelopeKey]: record }, 200, NO_STORE);
  };
}
