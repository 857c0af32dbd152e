import { createRoute, type RouteConfig, type z } from "@hono/zod-openapi";
import { type ScopeUri, SECURITY_SCHEME_NAME, scopeUri } from "../../kernel/oneroster-scopes.ts";
import { ENTITY_WIRE, type EntityName } from "../wire/envelopes.ts";
import type { ServiceName } from "../wire/status-info.ts";
import { descriptionOf, summaryOf } from "./operation-text.ts";
import type {
  EntityTarget,
  HttpMethod,
  OneRosterOperation,
  OperationGroup,
  OperationKind,
  OperationRow,
  PathParent,
} from "./operation-types.ts";
import { collectionQuery, itemQuery, pathParams } from "./parameters.ts";
import {
  allocatedResponse,
  deletedResponse,
  type ErrorStatus,
  errorResponses,
  itemResponse,
  pageResponse,
  storedResponse,
} from "./responses.ts";

/**
 * Turns the compact operation tables of the three services into `createRoute` definitions.
 * Everything but method, path, operationId and scopes follows from the path, because the
 * official files are regular: the tag is named after the first segment, the entity after the
 * segment that names a collection, and the responses after the kind of operation.
 */

const COLLECTIONS: Record<string, EntityTarget> = {
  orgs: { entity: "org" },
  schools: { entity: "org", subset: "school" },
  academicSessions: { entity: "academicSession" },
  terms: { entity: "academicSession", subset: "term" },
  gradingPeriods: { entity: "academicSession", subset: "gradingPeriod" },
  courses: { entity: "course" },
  classes: { entity: "class" },
  users: { entity: "user" },
  students: { entity: "user", subset: "student" },
  teachers: { entity: "user", subset: "teacher" },
  enrollments: { entity: "enrollment" },
  demographics: { entity: "demographics" },
  categories: { entity: "category" },
  lineItems: { entity: "lineItem" },
  results: { entity: "result" },
  scoreScales: { entity: "scoreScale" },
  assessmentLineItems: { entity: "assessmentLineItem" },
  assessmentResults: { entity: "assessmentResult" },
  resources: { entity: "resource" },
};

/** Which reads the official file of each service declares a 404 for, besides single objects. */
const DECLARES_404: Record<ServiceName, Record<"collection" | "nested-collection", boolean>> = {
  rostering: { collection: false, "nested-collection": false },
  gradebook: { collection: false, "nested-collection": true },
  resources: { collection: true, "nested-collection": true },
};

const READ_ERRORS: readonly ErrorStatus[] = [400, 401, 403, 404, 422, 429, 500, "default"];
const WRITE_ERRORS: readonly ErrorStatus[] = [401, 403, 404, 422, 429, 500, "default"];

function collectionOf(segment: string, path: string): EntityTarget {
  const target = COLLECTIONS[segment];
  if (!target) throw new Error(`No OneRoster collection named "${segment}" in ${path}`);
  return target;
}

function kindOf(method: HttpMethod, segments: readonly string[]): OperationKind {
  if (method !== "GET") return method === "PUT" ? "put" : method === "POST" ? "post" : "delete";
  if (segments.length === 1) return "collection";
  return segments.length === 2 && segments[1] === "{sourcedId}" ? "item" : "nested-collection";
}

const PARAM = /^\{(.+)\}$/;

function parentsOf(segments: readonly string[], path: string): PathParent[] {
  return segments.flatMap((segment, index) => {
    const param = PARAM.exec(segment)?.[1];
    const owner = segments[index - 1];
    if (!param || param === "sourcedId" || !owner) return [];
    return [{ param, ...collectionOf(owner, path) }];
  });
}

function errorStatuses(service: ServiceName, kind: OperationKind): readonly ErrorStatus[] {
  if (kind === "put" || kind === "post" || kind === "delete") return WRITE_ERRORS;
  if (kind === "item" || DECLARES_404[service][kind]) return READ_ERRORS;
  return READ_ERRORS.filter((status) => status !== 404);
}

const jsonBody = (schema: z.ZodType) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

/** The request parts besides path parameters, and the success response, of each kind. */
function exchange(
  kind: OperationKind,
  operationId: string,
  entity: EntityName,
): { request: NonNullable<RouteConfig["request"]>; success: RouteConfig["responses"] } {
  const wire = ENTITY_WIRE[entity];
  switch (kind) {
    case "collection":
    case "nested-collection":
      return {
        request: { query: collectionQuery },
        success: { 200: pageResponse(operationId, wire.set) },
      };
    case "item":
      return { request: { query: itemQuery }, success: { 200: itemResponse(wire.single) } };
    case "put":
      return { request: jsonBody(wire.single), success: { 201: storedResponse } };
    case "post":
      return { request: jsonBody(wire.set), success: { 201: allocatedResponse } };
    case "delete":
      return { request: {}, success: { 204: deletedResponse } };
  }
}

function buildOperation(
  service: ServiceName,
  [method, path, operationId]: OperationRow,
  scopes: readonly ScopeUri[],
): OneRosterOperation {
  const segments = path.split("/").filter(Boolean);
  const first = segments[0] ?? "";
  const kind = kindOf(method, segments);
  // An item, PUT or DELETE path ends in the object's own {sourcedId}, after its collection.
  const ofOneObject = kind === "item" || kind === "put" || kind === "delete";
  const target = collectionOf((ofOneObject ? first : segments.at(-1)) ?? "", path);
  const parents = parentsOf(segments, path);
  const paramNames = segments.flatMap((segment) => PARAM.exec(segment)?.[1] ?? []);
  const { request, success } = exchange(kind, operationId, target.entity);
  const wire = ENTITY_WIRE[target.entity];

  const route = createRoute({
    method: method.toLowerCase() as Lowercase<HttpMethod>,
    path,
    operationId,
    tags: [`${first.charAt(0).toUpperCase()}${first.slice(1)}Management`],
    summary: summaryOf(operationId),
    description: descriptionOf(kind, target, parents),
    security: [{ [SECURITY_SCHEME_NAME]: [...scopes] }],
    request: { ...(paramNames.length > 0 && { params: pathParams(paramNames) }), ...request },
    responses: { ...success, ...errorResponses(service, errorStatuses(service, kind)) },
  });

  const carriesSet = kind === "collection" || kind === "nested-collection" || kind === "post";
  // `exchange` gives each kind its request; TypeScript cannot follow that correlation.
  return {
    service,
    operationId,
    method,
    path,
    kind,
    ...target,
    parents,
    envelopeKey: carriesSet ? wire.setKey : wire.singleKey,
    scopes,
    route,
  } as OneRosterOperation;
}

/** Builds the route table of one service from its operation groups. */
export function defineOperations(
  service: ServiceName,
  groups: readonly OperationGroup[],
): readonly OneRosterOperation[] {
  return groups.flatMap(({ scopes, operations }) =>
    operations.map((row) => buildOperation(service, row, scopes.map(scopeUri))),
  );
}
