import type { Context } from "hono";
import { recordDisclosure, requesterAddress } from "../../audit/index.ts";
import { requireScopes } from "../../auth/index.ts";
import { withTenant } from "../../db/tenant-context.ts";
import { allowedOrgs } from "../../entities/index.ts";
import type { AppEnv, AppOpenAPI } from "../../kernel/app-env.ts";
import { ApiError } from "../../kernel/errors.ts";
import { resourceOf } from "../catalogue.ts";
import { availableChangeVersions } from "./available-change-versions.ts";
import { parseChangeQuery } from "./change-query-params.ts";
import { deleteRecords, keyChangeRecords, pageOf } from "./change-records.ts";

/** Where the change-query endpoints sit under the Ed-Fi base URL. */
export const CHANGE_QUERIES_PATH = "/ed-fi/changeQueries/v1";
const DATA_PATH = "/ed-fi/data/v3/ed-fi";

const LISTS = { deletes: deleteRecords, keyChanges: keyChangeRecords } as const;

/**
 * `/deletes` or `/keyChanges` of one resource: the page the query asks for, read in one
 * repeatable-read snapshot, and for student data the disclosure of the ids in it.
 */
async function answerChanges(c: Context<AppEnv>, list: keyof typeof LISTS) {
  const endpoint = c.req.param("resource") ?? "";
  const resource = resourceOf(endpoint);
  if (!resource) {
    throw new ApiError(
      "not_found",
      `There is no Ed-Fi resource '${endpoint}'; GET /ed-fi/metadata/data/v3/dependencies lists them.`,
    );
  }
  const query = parseChangeQuery(c.req.query());
  const { tenantId, clientId, orgSourcedId } = c.var.auth;
  const { items, total } = await withTenant(
    c.var.deps.db,
    tenantId,
    async (tx) => {
      const orgs = orgSourcedId ? await allowedOrgs(tx, tenantId, orgSourcedId) : undefined;
      const selection = {
        tenantId,
        orgs,
        minChangeVersion: query.minChangeVersion,
        maxChangeVersion: query.maxChangeVersion,
      };
      const page = await pageOf<{ id: string }>(LISTS[list](tx, resource, selection), query);
      if (resource.studentData && page.items.length > 0) {
        await recordDisclosure(tx, {
          tenantId,
          clientId,
          entity: `edfi:${resource.endpoint}`,
          entityIds: page.items.map((item) => item.id),
          endpoint: `GET ${c.req.path}`,
          query: new URL(c.req.url).search.slice(1),
          recordCount: page.items.length,
          purpose: query.purpose ?? `edfi:get${list === "deletes" ? "Deletes" : "KeyChanges"}`,
          ip: requesterAddress(c),
        });
      }
      return page;
    },
    { isolation: "repeatable read" },
  );
  if (query.totalCount) c.header("Total-Count", String(total));
  return c.json(items);
}

/**
 * The change queries: available change versions, and `/{resource}/deletes` and
 * `/{resource}/keyChanges` for every resource. Register before the `/{resource}/{id}` route,
 * which would otherwise take `deletes` for an id.
 */
export function registerChangeQueryRoutes(app: AppOpenAPI): void {
  const guard = requireScopes(["edfi.readonly"]);
  app.get(`${CHANGE_QUERIES_PATH}/availableChangeVersions`, guard, async (c) =>
    c.json(await withTenant(c.var.deps.db, c.var.auth.tenantId, availableChangeVersions)),
  );
  app.get(`${DATA_PATH}/:resource/deletes`, guard, (c) => answerChanges(c, "deletes"));
  app.get(`${DATA_PATH}/:resource/keyChanges`, guard, (c) => answerChanges(c, "keyChanges"));
}
