import type { z } from "@hono/zod-openapi";
import { GUIDPairSetDType } from "../wire/envelopes.ts";
import { type ServiceName, STATUS_INFO } from "../wire/status-info.ts";

/** Response objects of OneRoster operations, success and imsx_StatusInfo failures alike. */

const ERROR_DESCRIPTIONS = {
  400: "An invalid selection or filter field (invalid_selection_field, invalid_filter_field).",
  401: "The request is not correctly authorised (unauthorisedrequest).",
  403: "The request is refused, for example for a missing scope (forbidden).",
  404: "The sourcedId, or one in the path, is not known (unknownobject).",
  422: "A well-formed but semantically erroneous request (invaliddata).",
  429: "Too many requests; retry later (server_busy).",
  500: "A catastrophic error (internal_server_error).",
  default: "Any other failure.",
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

const json = <S extends z.ZodType>(schema: S) => ({ "application/json": { schema } });

/** The failure responses an operation declares, each with its service's imsx_StatusInfo. */
export function errorResponses(service: ServiceName, statuses: readonly ErrorStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status], content: json(STATUS_INFO[service]) },
    ]),
  );
}

/** Relations of the `Link` header, also declared as OpenAPI links as the official files do. */
function pageLinks(operationId: string) {
  const link = (description: string) => ({
    operationId,
    description,
    parameters: { limit: "$request.query.limit", offset: "$request.query.offset" },
  });
  return {
    next: link("The next page: offset + limit."),
    last: link("The last page."),
    first: link("The first page: offset 0."),
    prev: link("The previous page: offset - limit."),
  };
}

export function pageResponse(operationId: string, schema: z.ZodType) {
  return {
    description: "A page of records.",
    headers: {
      "X-Total-Count": {
        description: "The number of records matching the request, across all pages.",
        schema: { type: "integer" as const },
      },
      Link: {
        description: "RFC 8288 links to the first, prev, next and last pages.",
        schema: { type: "string" as const },
      },
    },
    links: pageLinks(operationId),
    content: json(schema),
  };
}

export const itemResponse = (schema: z.ZodType) => ({
  description: "The record.",
  content: json(schema),
});

export const storedResponse = { description: "The object was stored; no body." };

export const deletedResponse = { description: "The object was deleted; no body." };

export const allocatedResponse = {
  description:
    "The objects were stored; the body pairs each supplied sourcedId with the allocated one.",
  content: json(GUIDPairSetDType),
};
