import type { Context } from "hono";
import { EDFI_READ_SCOPE, rateLimit, requireScopes } from "../../auth/index.ts";
import { withTenant } from "../../db/tenant-context.ts";
import type { AppEnv, AppOpenAPI, RequestBudgets } from "../../kernel/app-env.ts";
import { publicRequestUrl } from "../../kernel/public-origin.ts";
import { logDisclosure } from "../api/disclosure.ts";
import { badParameter } from "../api/problem.ts";
import { parseCollectionRequest } from "../api/query.ts";
import { DATA_PATH, selectionFor } from "../api/resource.routes.ts";
import { EDFI_RESOURCES } from "../catalogue.ts";
import type { EdfiExtension } from "../mount.ts";
import type { EdfiDocument } from "../read-documents.ts";
import type { EdfiResource } from "../resource.ts";
import { availableChangeVersions } from "./available-change-versions.ts";
import { changeQueryPaths } from "./change-query-paths.ts";
import {
  type DeleteRecord,
  deleteRecords,
  type KeyChangeRecord,
  keyChangeRecords,
  pageOf,
} from "./change-records.ts";

const LISTS = { deletes: deleteRecords, keyChanges: keyChangeRecords } as const;

// Student records: no shared cache may keep them.
const NO_STORE = { "cache-control": "no-store" };

/**
 * `/deletes` or `/keyChanges` of one resource: the offset page the query asks for, read in one
 * repeatable-read snapshot, and for student data one disclosure record for the response.
 */
function changes(resource: EdfiResource, list: keyof typeof LISTS) {
  return async (c: Context<AppEnv>) => {
    const request = parseCollectionRequest(new URL(c.req.url).searchParams, {});
    if (request.paging.kind !== "offset") {
      throw badParameter(
        `/${list} pages with offset and limit; pageToken and pageSize do not apply.`,
      );
    }
    const paging = request.paging;
    const url = publicRequestUrl(c);
    const { items, total } = await withTenant(
      c.var.deps.db,
      c.var.auth.tenantId,
      async (tx) => {
        const selection = await selectionFor(tx, c, request);
        const page = await pageOf<DeleteRecord | KeyChangeRecord>(
          LISTS[list](tx, resource, selection),
          paging,
        );
        // The disclosure names the people the records are about, read from their key values.
        const keys = page.items.map((item) => ({
          id: item.id,
          ...("keyValues" in item ? item.keyValues : item.oldKeyValues),
        }));
        await logDisclosure(c, tx, resource, keys as EdfiDocument[], request.purpose, url);
        return page;
      },
      { isolation: "repeatable read" },
    );
    const headers: Record<string, string> = { ...NO_STORE };
    if (request.totalCount) headers["total-count"] = String(total);
    return c.json(items, 200, headers);
  };
}

function mount(edfi: AppOpenAPI, limiter: RequestBudgets): void {
  const guard = [requireScopes([EDFI_READ_SCOPE]), rateLimit(limiter)] as const;
  edfi.get("/changeQueries/v1/availableChangeVersions", ...guard, async (c) =>
    c.json(
      await withTenant(c.var.deps.db, c.var.auth.tenantId, availableChangeVersions),
      200,
      NO_STORE,
    ),
  );
  for (const resource of EDFI_RESOURCES) {
    const path = `${DATA_PATH}/${resource.endpoint}`;
    edfi.get(`${path}/deletes`, ...guard, changes(resource, "deletes"));
    edfi.get(`${path}/keyChanges`, ...guard, changes(resource, "keyChanges"));
  }
}

/**
 * The change queries (reference §3.5): `/changeQueries/v1/availableChangeVersions`, and
 * `/{resource}/deletes` and `/{resource}/keyChanges` for every resource, listed in the
 * resources metadata. Mounted with `mountEdfi(app, limiter, [EDFI_CHANGE_QUERIES])`.
 */
export const EDFI_CHANGE_QUERIES: EdfiExtension = {
  mount,
  paths: () => changeQueryPaths(EDFI_RESOURCES),
};
