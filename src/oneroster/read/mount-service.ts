import type { RouteConfig } from "@hono/zod-openapi";
import { rateLimit, requireScopes } from "../../auth/index.ts";
import type { AppOpenAPI, RequestBudgets } from "../../kernel/app-env.ts";
import { BASE_PATHS, type OneRosterOperation } from "../routes/index.ts";
import type { ServiceName } from "../wire/status-info.ts";
import { deleteHandler, postHandler, putHandler } from "../write/write-handlers.ts";
import { registerDiscovery } from "./discovery.routes.ts";
import { collectionHandler, itemHandler } from "./handlers.ts";
import { planRead, type ReadModels } from "./read-plan.ts";
import type { Relations } from "./relations.ts";

/** What a service needs to be served: its route table, read models and nested-path steps. */
export interface ServiceDefinition {
  service: ServiceName;
  operations: readonly OneRosterOperation[];
  models: ReadModels;
  relations: Relations;
}

function handlerFor(operation: OneRosterOperation, definition: ServiceDefinition) {
  const { models, relations } = definition;
  switch (operation.kind) {
    case "collection":
    case "nested-collection":
      return collectionHandler(planRead(operation, models, relations));
    case "item":
      return itemHandler(planRead(operation, models, relations));
    case "put":
      return putHandler(operation);
    case "post":
      return postHandler(operation, models);
    case "delete":
      return deleteHandler(operation);
  }
}

/**
 * The route as served: a write's body is read by its handler rather than by zod, which would
 * refuse what LMSs send and the gateway accepts (references without href or type, dates as
 * timestamps) and would answer malformed JSON otherwise than the files' imsx_StatusInfo 400.
 */
function servedRoute(operation: OneRosterOperation): RouteConfig {
  if (operation.method === "GET") return operation.route;
  const { body: _body, ...request } = operation.route.request as Record<string, unknown>;
  return { ...operation.route, request } as RouteConfig;
}

/**
 * Serves one OneRoster service under its base path: every operation of its route table as a
 * zod-openapi route behind the bearer token (any one of the operation's scopes) and the
 * client's rate limit, plus its discovery documents. The routes join the app's router but not
 * its OpenAPI registry: each service publishes its own document, because the three share
 * component names with different code-minor vocabularies.
 *
 * @example
 * mountService(app, { service: "rostering", operations: ROSTERING_OPERATIONS, models, relations }, new RateLimiter());
 */
export function mountService(
  app: AppOpenAPI,
  definition: ServiceDefinition,
  limiter: RequestBudgets,
): void {
  const service = app.basePath(BASE_PATHS[definition.service]);
  registerDiscovery(service, definition.service);
  for (const operation of definition.operations) {
    const route: RouteConfig = {
      ...servedRoute(operation),
      middleware: [requireScopes(operation.scopes), rateLimit(limiter)],
    };
    service.openapi(route, handlerFor(operation, definition) as never);
  }
}
