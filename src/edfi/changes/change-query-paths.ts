import type { OpenApiPaths } from "../metadata/openapi.ts";
import type { EdfiResource } from "../resource.ts";

const integer = (description: string, extra: Record<string, unknown> = {}) => ({
  schema: { type: "integer", format: "int32", ...extra },
  description,
});

/** The query parameters `/deletes` and `/keyChanges` take, as the ODS/API names them. */
const PARAMETERS = [
  {
    name: "offset",
    in: "query",
    ...integer("How many records to skip.", { minimum: 0, default: 0 }),
  },
  {
    name: "limit",
    in: "query",
    ...integer("How many records to return.", { minimum: 0, maximum: 500, default: 25 }),
  },
  {
    name: "minChangeVersion",
    in: "query",
    ...integer("Only changes at or after this change version.", { format: "int64", minimum: 0 }),
  },
  {
    name: "maxChangeVersion",
    in: "query",
    ...integer("Only changes at or before this change version.", { format: "int64", minimum: 0 }),
  },
  {
    name: "totalCount",
    in: "query",
    schema: { type: "boolean", default: false },
    description: "Send the number of matching records in the Total-Count header.",
  },
];

/** The flattened natural key of a resource's documents, as `keyValues` carries it. */
function keySchema(resource: EdfiResource) {
  return {
    type: "object",
    properties: Object.fromEntries(resource.key.map((field) => [field.name, {}])),
  };
}

function operation(resource: EdfiResource, list: "deletes" | "keyChanges") {
  const key = keySchema(resource);
  const item =
    list === "deletes"
      ? {
          id: { type: "string" },
          changeVersion: { type: "integer", format: "int64" },
          keyValues: key,
        }
      : {
          id: { type: "string" },
          changeVersion: { type: "integer", format: "int64" },
          oldKeyValues: key,
          newKeyValues: key,
        };
  return {
    get: {
      tags: [resource.endpoint],
      summary:
        list === "deletes"
          ? "Retrieves deleted resources based on change version."
          : "Retrieves resources whose natural key changed, based on change version.",
      operationId: `${list}${resource.endpoint.charAt(0).toUpperCase()}${resource.endpoint.slice(1)}`,
      parameters: PARAMETERS,
      responses: {
        200: {
          description: "The requested change records.",
          content: {
            "application/json": {
              schema: { type: "array", items: { type: "object", properties: item } },
            },
          },
        },
        400: { description: "Bad request: a query parameter is not valid." },
        401: { description: "Unauthorized: no valid access token." },
        403: { description: "Forbidden: the token lacks the edfi.readonly scope." },
      },
    },
  };
}

/**
 * The `/ed-fi/{resource}/deletes` and `/ed-fi/{resource}/keyChanges` paths of the resources
 * metadata document, for every resource served.
 */
export function changeQueryPaths(resources: readonly EdfiResource[]): OpenApiPaths {
  return Object.fromEntries(
    resources.flatMap((resource) => [
      [`/ed-fi/${resource.endpoint}/deletes`, operation(resource, "deletes")],
      [`/ed-fi/${resource.endpoint}/keyChanges`, operation(resource, "keyChanges")],
    ]),
  );
}
