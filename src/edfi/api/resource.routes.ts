import type { Context } from "hono";
import { EDFI_READ_SCOPE, rateLimit, requireScopes } from "../../auth/index.ts";
import type { Transaction } from "../../db/client.ts";
import { withTenant } from "../../db/tenant-context.ts";
import { allowedOrgs } from "../../entities/index.ts";
import type { AppEnv, AppOpenAPI, RequestBudgets } from "../../kernel/app-env.ts";
import { ApiError } from "../../kernel/errors.ts";
import { publicRequestUrl } from "../../kernel/public-origin.ts";
import { EDFI_RESOURCES } from "../catalogue.ts";
import {
  countDocuments,
  type DocumentSelection,
  type EdfiDocument,
  partitionBoundaries,
  readById,
  readOffsetPage,
  readRange,
  uuidOfResourceId,
} from "../read-documents.ts";
import type { EdfiResource } from "../resource.ts";
import { logDisclosure } from "./disclosure.ts";
import { badParameter } from "./problem.ts";
import { type CollectionRequest, encodePageToken, parseCollectionRequest } from "./query.ts";

/** Where resources and descriptors are served, under the Ed-Fi base path. */
export const DATA_PATH = "/data/v3/ed-fi";

/** A resource id in a path: 32 hex digits (or a UUID); anything else is no route. */
export const ID_PATTERN = "{[0-9a-fA-F-]{32,36}}";

// Student records: no shared cache may keep them.
const NO_STORE = { "cache-control": "no-store" };

/** The caller's tenant and, for an org-restricted client, its org subtree. */
export async function selectionFor(
  tx: Transaction,
  c: Context<AppEnv>,
  request?: CollectionRequest,
): Promise<DocumentSelection> {
  const { tenantId, orgSourcedId } = c.var.auth;
  return {
    tenantId,
    orgs: orgSourcedId ? await allowedOrgs(tx, tenantId, orgSourcedId) : undefined,
    minChangeVersion: request?.minChangeVersion,
    maxChangeVersion: request?.maxChangeVersion,
    where: request?.where ?? [],
  };
}

const queryOf = (c: Context<AppEnv>) => new URL(c.req.url).searchParams;

function collection(resource: EdfiResource) {
  return async (c: Context<AppEnv>) => {
    const request = parseCollectionRequest(queryOf(c), resource.params);
    const url = publicRequestUrl(c);
    const headers: Record<string, string> = { ...NO_STORE };
    const documents = await withTenant(c.var.deps.db, c.var.auth.tenantId, async (tx) => {
      const selection = await selectionFor(tx, c, request);
      let page: EdfiDocument[];
      if (request.paging.kind === "offset") {
        page =
          request.paging.limit === 0
            ? []
            : await readOffsetPage(tx, resource, selection, request.paging);
      } else {
        const { range, size } = request.paging;
        page = await readRange(tx, resource, selection, range, size + 1);
        if (page.length > size) {
          page = page.slice(0, size);
          const after = uuidOfResourceId((page.at(-1) as EdfiDocument).id);
          headers["next-page-token"] = encodePageToken({ after, until: range.until });
        }
      }
      if (request.totalCount)
        headers["total-count"] = String(await countDocuments(tx, resource, selection));
      await logDisclosure(c, tx, resource, page, request.purpose, url);
      return page;
    });
    return c.json(documents, 200, headers);
  };
}

const MAX_PARTITIONS = 200;

function partitions(resource: EdfiResource) {
  return async (c: Context<AppEnv>) => {
    const query = queryOf(c);
    const unknown = [...query.keys()].find(
      (name) => name !== "number" && !(name in resource.params),
    );
    if (unknown !== undefined) {
      throw badParameter(
        `The query parameter '${unknown}' is not supported here. Use number and the resource's properties.`,
      );
    }
    const number = query.get("number") ?? "10";
    if (!/^\d+$/.test(number) || Number(number) < 1 || Number(number) > MAX_PARTITIONS) {
      throw badParameter(
        `The parameter number must be a whole number from 1 to ${MAX_PARTITIONS}; it was '${number}'.`,
      );
    }
    const properties = new URLSearchParams([...query].filter(([name]) => name !== "number"));
    const request = parseCollectionRequest(properties, resource.params);
    const tokens = await withTenant(c.var.deps.db, c.var.auth.tenantId, async (tx) => {
      const selection = await selectionFor(tx, c, request);
      if ((await countDocuments(tx, resource, selection)) === 0) return [];
      const bounds = await partitionBoundaries(tx, resource, selection, Number(number));
      return [undefined, ...bounds].map((after, i) => encodePageToken({ after, until: bounds[i] }));
    });
    return c.json({ pageTokens: tokens }, 200, NO_STORE);
  };
}

function item(resource: EdfiResource) {
  return async (c: Context<AppEnv>) => {
    const id = c.req.param("id") ?? "";
    const url = publicRequestUrl(c);
    const document = await withTenant(c.var.deps.db, c.var.auth.tenantId, async (tx) => {
      const found = await readById(tx, resource, await selectionFor(tx, c), id);
      if (found === undefined)
        throw new ApiError("not_found", `There is no ${resource.endpoint} resource with id ${id}.`);
      await logDisclosure(c, tx, resource, [found], c.req.query("purpose"), url);
      return found;
    });
    if (c.req.header("if-none-match") === document._etag)
      return c.body(null, 304, { etag: document._etag, ...NO_STORE });
    return c.json(document, 200, { etag: document._etag, ...NO_STORE });
  };
}

/**
 * Serves every resource at `/data/v3/ed-fi/<endpoint>` (collection), `/partitions` and
 * `/{id}`, behind the `edfi.readonly` scope and the client's rate limit.
 */
export function registerResourceRoutes(edfi: AppOpenAPI, limiter: RequestBudgets): void {
  const guard = [requireScopes([EDFI_READ_SCOPE]), rateLimit(limiter)] as const;
  for (const resource of EDFI_RESOURCES) {
    const path = `${DATA_PATH}/${resource.endpoint}`;
    edfi.get(path, ...guard, collection(resource));
    edfi.get(`${path}/partitions`, ...guard, partitions(resource));
    edfi.get(`${path}/:id${ID_PATTERN}`, ...guard, item(resource));
  }
}
