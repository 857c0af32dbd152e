import type { RouteConfig, z } from "@hono/zod-openapi";
import type { ScopeName, ScopeUri } from "../../kernel/oneroster-scopes.ts";
import type { EntityName } from "../wire/envelopes.ts";
import type { ServiceName } from "../wire/status-info.ts";
import type { collectionQuery, itemQuery, pathParams } from "./parameters.ts";

/** The shape of the route table: what a handler needs to know about each operation. */

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE";

/** A row of an operation table: method, path as in the official file, operationId. */
export type OperationRow = readonly [method: HttpMethod, path: string, operationId: string];

export interface OperationGroup {
  /** Any one of these scopes admits the operation (the official files list them together). */
  scopes: readonly ScopeName[];
  operations: readonly OperationRow[];
}

export type OperationKind = "collection" | "nested-collection" | "item" | "put" | "post" | "delete";

/** The collections that are subsets of a wider entity (`/schools` serves orgs of type school). */
export type Subset = "school" | "student" | "teacher" | "term" | "gradingPeriod";

export interface EntityTarget {
  entity: EntityName;
  subset?: Subset;
}

/** A `{xSourcedId}` path parameter and the object it identifies. */
export interface PathParent extends EntityTarget {
  param: string;
}

type PathParams = ReturnType<typeof pathParams>;
type JsonBody = { required: true; content: { "application/json": { schema: z.ZodType } } };

/** The request each kind declares, so that `c.req.valid(…)` is typed in a handler. */
interface RequestByKind {
  collection: { query: typeof collectionQuery };
  "nested-collection": { params: PathParams; query: typeof collectionQuery };
  item: { params: PathParams; query: typeof itemQuery };
  put: { params: PathParams; body: JsonBody };
  post: { params: PathParams; body: JsonBody };
  delete: { params: PathParams };
}

export type OneRosterRoute<K extends OperationKind = OperationKind> = Omit<
  RouteConfig,
  "request"
> & {
  request: RequestByKind[K];
};

interface OperationFacts extends EntityTarget {
  service: ServiceName;
  operationId: string;
  method: HttpMethod;
  /** OpenAPI-style path (`/classes/{classSourcedId}/students`) relative to the base path. */
  path: string;
  /** Outermost first; the item's own `{sourcedId}` is not a parent. */
  parents: readonly PathParent[];
  /**
   * Key under which the entity travels: in the response of a GET, in the request of a PUT or
   * POST (a POST answers `sourcedIdPairs`), and for DELETE the Single key, for messages.
   */
  envelopeKey: string;
  scopes: readonly ScopeUri[];
}

/** One row of the route table; narrow on `kind` to get a route whose request is typed. */
export type OneRosterOperation = {
  [K in OperationKind]: OperationFacts & { kind: K; route: OneRosterRoute<K> };
}[OperationKind];
